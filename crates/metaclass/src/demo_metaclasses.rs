//! Sections on metaclasses: the hooks, inheritance and conflicts, and the three real uses.

use demo::{Section, py_bool};
use metaclass::examples::Upper;
use metaclass::uses::abc::shapes;
use metaclass::uses::registry::PluginRegistry;
use metaclass::uses::singleton::Singleton;
use metaclass::{
    Class, ClassRef, Exception, Function, Meta, Namespace, Plain, PyException, Value, tuple_repr,
};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "metaclass-hooks",
        title: "A metaclass intercepts the class statement: inspect, change or refuse",
        run: hooks,
    },
    Section {
        name: "metaclass-inheritance",
        title: "The most derived metaclass wins; unrelated metaclasses conflict",
        run: inheritance,
    },
    Section {
        name: "plugin-registry",
        title: "Use 1: every subclass registers itself by being defined",
        run: plugin_registry,
    },
    Section {
        name: "abstract-methods",
        title: "Use 2: ABCMeta refuses to instantiate a class with abstract methods",
        run: abstract_methods,
    },
    Section {
        name: "singleton",
        title: "Use 3: a metaclass __call__ that returns one instance per class",
        run: singleton,
    },
];

// ANCHOR: hooks
/// A metaclass that changes the namespace, one that refuses, and inheriting one.
fn hooks() -> demo::Result {
    let upper = Meta::new("Upper", &[], Upper)?;
    println!("class Config(metaclass=Upper): debug = 1; level = 'info'");
    let config = upper.create(
        "Config",
        &[],
        Namespace::new().with("debug", 1).with("level", "info"),
    )?;
    println!("Config.__dict__ = {}", config.dict());
    println!("class Child(Config): retries = 3");
    let child = Class::new("Child", &[config], Namespace::new().with("retries", 3))?;
    println!(
        "type(Child) = {}, Child.__dict__ = {}",
        child.metaclass(),
        child.dict()
    );
    println!("class lower(metaclass=Upper): pass");
    match upper.create("lower", &[], Namespace::new()) {
        Ok(class) => println!("unexpectedly created {class}"),
        Err(error) => println!("{}", error.traceback_line()),
    }
    Ok(())
}
// ANCHOR_END: hooks

fn report(created: Result<ClassRef, Exception>) -> String {
    match created {
        Ok(class) => format!("type is {}", class.metaclass()),
        Err(error) => error.traceback_line().to_string(),
    }
}

/// `_PyType_CalculateMetaclass` at work.
fn inheritance() -> demo::Result {
    let meta1 = Meta::new("Meta1", &[], Plain)?;
    let meta2 = Meta::new("Meta2", &[meta1.clone()], Plain)?;
    let other = Meta::new("Other", &[], Plain)?;
    println!("Meta2.__mro__ = {}", tuple_repr(&meta2.class().mro()));
    let a = meta1.create("A", &[], Namespace::new())?;
    let b = meta2.create("B", &[], Namespace::new())?;
    let x = other.create("X", &[], Namespace::new())?;
    println!("class A(metaclass=Meta1), class B(metaclass=Meta2), class X(metaclass=Other)");
    let cases = [
        (
            "class C(A)",
            Class::new("C", &[a.clone()], Namespace::new()),
        ),
        (
            "class D(A, B)",
            Class::new("D", &[a.clone(), b.clone()], Namespace::new()),
        ),
        (
            "class E(B, metaclass=Meta1)",
            meta1.create("E", &[b], Namespace::new()),
        ),
        ("class F(A, X)", Class::new("F", &[a, x], Namespace::new())),
    ];
    for (statement, created) in cases {
        println!("{statement:<28} -> {}", report(created));
    }
    Ok(())
}

/// Subclasses register themselves, and a plugin without `run` is refused at definition.
// ANCHOR: plugin_registry
fn plugin_registry() -> demo::Result {
    let registry = PluginRegistry::new();
    let meta = Meta::new("PluginMeta", &[], registry.clone())?;
    let root = meta.create("Plugin", &[], Namespace::new())?;
    let run = |text: &'static str| Function::new("run", move |_| Value::str(text));
    for (name, output) in [("Csv", "a,1"), ("Json", "{\"a\": 1}")] {
        Class::new(
            name,
            &[root.clone()],
            Namespace::new().with_method(run(output)),
        )?;
        println!("class {name}(Plugin): def run(self): ...");
    }
    println!("PluginMeta.plugins = [{}]", registry.names().join(", "));
    for plugin in registry.plugins() {
        println!(
            "{}().run() -> {}",
            plugin.name(),
            plugin.call()?.call_method("run")?
        );
    }
    println!("class Broken(Plugin): pass");
    match Class::new("Broken", &[root], Namespace::new()) {
        Ok(class) => println!("unexpectedly created {class}"),
        Err(error) => println!("{}", error.traceback_line()),
    }
    println!("PluginMeta.plugins = [{}]", registry.names().join(", "));
    Ok(())
}
// ANCHOR_END: plugin_registry

/// `ABCMeta`: abstract methods are computed at class creation and checked at instantiation.
fn abstract_methods() -> demo::Result {
    let [shape, square, unit] = shapes()?;
    println!("type(Shape) = {}", shape.metaclass());
    for class in [&shape, &square, &unit] {
        let names = class.abstract_methods();
        let set = if names.is_empty() {
            "frozenset()".to_string()
        } else {
            format!("frozenset({{'{}'}})", names.join("', '"))
        };
        println!("{}.__abstractmethods__ = {set}", class.name());
        match class.call() {
            Ok(obj) => println!(
                "  {}() -> {obj}, .area() = {}",
                class.name(),
                obj.call_method("area")?
            ),
            Err(error) => println!("  {}() -> {}", class.name(), error.traceback_line()),
        }
    }
    Ok(())
}

/// One instance per class, however often it is called.
fn singleton() -> demo::Result {
    let meta = Meta::new("Singleton", &[], Singleton::default())?;
    let config = meta.create("Config", &[], Namespace::new())?;
    let cache = meta.create("Cache", &[], Namespace::new())?;
    let (first, second) = (config.call()?, config.call()?);
    println!("first, second = Config(), Config()");
    println!("first is second:   {}", py_bool(first.is(&second)));
    first.setattr("debug", 1);
    println!(
        "first.debug = 1; second.debug -> {}",
        second.getattr("debug")?
    );
    println!("first is Cache(): {}", py_bool(first.is(&cache.call()?)));
    Ok(())
}
