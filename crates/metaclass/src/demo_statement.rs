//! Sections on the whole class statement (`__prepare__`, `__set_name__`, `__init_subclass__`)
//! and on what most code uses instead of a metaclass: `__init_subclass__`, a class decorator.

use demo::Section;
use metaclass::{
    ClassDef, ClassRef, ClassStatement, Descriptor, Exception, Function, InitSubclass, Meta,
    MetaHooks, Namespace, PyException, TypeError, Value,
};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "class-statement",
        title: "The whole class statement: __prepare__, the body, __set_name__, __init_subclass__",
        run: class_statement,
    },
    Section {
        name: "set-name-error",
        title: "A __set_name__ that raises: a note since CPython 3.12, a RuntimeError before",
        run: set_name_error,
    },
    Section {
        name: "init-subclass",
        title: "A registry that validates, with __init_subclass__ instead of a metaclass",
        run: init_subclass,
    },
    Section {
        name: "class-decorator",
        title: "The same with a class decorator: explicit, and not inherited",
        run: class_decorator,
    },
];

/// `[k for k in ns if not k.startswith('__')]`, as Python prints a list of strings.
fn public_names(namespace: &Namespace) -> String {
    let names: Vec<String> = namespace
        .keys()
        .filter(|name| !name.starts_with("__"))
        .map(|name| format!("'{name}'"))
        .collect();
    format!("[{}]", names.join(", "))
}

// ANCHOR: logged_meta
/// `class Meta(type)` whose `__prepare__`, `__new__` and `__init__` say when they run.
struct Logged;

impl MetaHooks for Logged {
    fn prepare(&self, name: &str, _bases: &[ClassRef], keywords: &Namespace) -> Namespace {
        println!("1 Meta.__prepare__('{name}', {keywords})");
        Namespace::new()
    }

    fn new_class(&self, def: ClassDef) -> Result<ClassDef, TypeError> {
        println!(
            "3 Meta.__new__('{}'): {}",
            def.name,
            public_names(&def.namespace)
        );
        Ok(def) // then type.__new__: 3a and 3b
    }

    fn init_class(&self, class: &ClassRef) -> Result<(), TypeError> {
        println!("4 Meta.__init__('{}')", class.name());
        Ok(())
    }
}
// ANCHOR_END: logged_meta

/// The notes' "class name, class dictionary, list of base classes", and the rest of what a
/// class statement runs, in CPython's order.
// ANCHOR: class_statement
fn class_statement() -> demo::Result {
    let meta = Meta::new("Meta", &[], Logged)?;
    let hook = InitSubclass::new(|class, keywords, parent| {
        let mut keywords = keywords.clone();
        let tag = keywords.remove("tag").unwrap_or(Value::None);
        println!("  3b Base.__init_subclass__({}, tag={tag})", class.name());
        parent.init_subclass(&keywords)
    });
    let field = || {
        Descriptor::new("Field", |owner, name| {
            println!("  3a Field.__set_name__({}, '{name}')", owner.name());
            Ok(())
        })
    };
    println!("class Base(metaclass=Meta):");
    let base = ClassStatement::new("Base")
        .metaclass(&meta)
        .body(|ns| ns.insert("__init_subclass__", Value::InitSubclass(hook)))?;
    println!("class Point(Base, tag='xy'):");
    ClassStatement::new("Point")
        .bases(&[base])
        .keyword("tag", "xy")
        .body(|ns| {
            println!("2 the body runs");
            ns.insert("x", field());
            ns.insert("y", field());
        })?;
    Ok(())
}
// ANCHOR_END: class_statement

/// The model raises as CPython 3.12+ does; `as_before_3_12` gives 3.9 to 3.11's form.
fn set_name_error() -> demo::Result {
    let refused = Descriptor::new("Field", |_, name| {
        Err(Exception::new("ValueError", format!("{name} refused")))
    });
    let Err(error) = ClassStatement::new("Point").body(|ns| ns.insert("x", refused)) else {
        return Err("the class statement should have raised".into());
    };
    for (versions, error) in [
        ("3.12+", error.clone()),
        ("3.9-3.11", error.as_before_3_12()),
    ] {
        println!("as CPython {versions} raises it:");
        println!("  {}: {}", error.type_name(), error.message());
        println!("  notes: {:?}", error.notes());
        match error.cause() {
            Some(cause) => println!("  cause: {}('{}')", cause.type_name(), cause.message()),
            None => println!("  cause: None"),
        }
    }
    Ok(())
}

/// `def run(self): return text`.
fn run(text: &'static str) -> Function {
    Function::new("run", move |_| Value::str(text))
}

/// `{name: cls.__name__ for name, cls in registry.items()}`.
fn names(registry: &Namespace) -> Namespace {
    let mut names = Namespace::new();
    for (format, class) in registry.iter() {
        if let Value::Class(class) = class {
            names.insert(format, class.name());
        }
    }
    names
}

// ANCHOR: init_subclass
/// `Plugin.__init_subclass__(cls, format=None)`: refuse a subclass without `run`, register
/// the others under their format.
fn init_subclass() -> demo::Result {
    let plugins = std::rc::Rc::new(std::cell::RefCell::new(Namespace::new()));
    let registry = plugins.clone();
    let hook = InitSubclass::new(move |class, keywords, parent| {
        let mut keywords = keywords.clone();
        let format = keywords.remove("format");
        parent.init_subclass(&keywords)?;
        if !class.dict().contains("run") {
            let message = format!("plugin {} must define run()", class.name());
            return Err(TypeError::new(message).into());
        }
        let lower = class.name().to_lowercase();
        let format = format.as_ref().and_then(Value::as_str).unwrap_or(&lower);
        registry
            .borrow_mut()
            .insert(format, Value::Class(class.clone()));
        Ok(())
    });
    let plugin = ClassStatement::new("Plugin")
        .body(|ns| ns.insert("__init_subclass__", Value::InitSubclass(hook)))?;
    let subclass = |name: &str| ClassStatement::new(name).bases(&[plugin.clone()]);
    subclass("Csv")
        .keyword("format", "csv")
        .body(|ns| ns.insert("run", run("a,1")))?;
    subclass("Json").body(|ns| ns.insert("run", run("{\"a\": 1}")))?;
    println!("Plugin.plugins = {}", names(&plugins.borrow()));
    if let Err(error) = subclass("Broken").keyword("format", "xml").body(|_| {}) {
        println!("{}", error.traceback_line());
    }
    Ok(())
}
// ANCHOR_END: init_subclass

// ANCHOR: class_decorator
/// `@plugin(format)`: a function called on the finished class, once, where it is written.
fn plugin(
    plugins: &mut Namespace,
    format: &str,
    class: Result<ClassRef, Exception>,
) -> Result<ClassRef, Exception> {
    let class = class?;
    if !class.dict().contains("run") {
        let message = format!("plugin {} must define run()", class.name());
        return Err(TypeError::new(message).into());
    }
    plugins.insert(format, Value::Class(class.clone()));
    Ok(class)
}

fn class_decorator() -> demo::Result {
    let mut plugins = Namespace::new();
    let csv = ClassStatement::new("Csv").body(|ns| ns.insert("run", run("a,1")));
    let csv = plugin(&mut plugins, "csv", csv)?;
    // A subclass is not decorated, so not registered: a decorator is not inherited.
    ClassStatement::new("Tsv")
        .bases(&[csv])
        .body(|ns| ns.insert("run", run("a\t1")))?;
    println!("plugins = {}", names(&plugins));
    let broken = ClassStatement::new("Broken").body(|_| {});
    if let Err(error) = plugin(&mut plugins, "xml", broken) {
        println!("{}", error.traceback_line());
    }
    Ok(())
}
// ANCHOR_END: class_decorator
