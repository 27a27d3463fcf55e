//! The generated class statements, in both languages: the Python source of one statement,
//! and the same statement run by the model with hooks that behave as the prelude's.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

use metaclass::{
    ClassDef, ClassRef, ClassStatement, Descriptor, Exception, InitSubclass, Meta, MetaHooks,
    Namespace, PyException, TypeError, Value,
};

pub(crate) type Log = Rc<RefCell<Vec<String>>>;

/// `kws(kw)` of the prelude.
pub(crate) fn keywords(keywords: &Namespace) -> String {
    let items: Vec<String> = keywords
        .iter()
        .map(|(key, value)| format!("{key}={}", value.as_str().unwrap_or("?")))
        .collect();
    if items.is_empty() {
        "-".into()
    } else {
        items.join(",")
    }
}

/// `keys(ns)` of the prelude.
pub(crate) fn keys(namespace: &Namespace) -> String {
    let keys: Vec<&str> = namespace
        .keys()
        .filter(|key| !key.starts_with("__") || *key == "__init_subclass__")
        .collect();
    keys.join(",")
}

/// `Logged` and `Sub(Logged)` of the prelude: every hook logs under the metaclass's name.
pub(crate) struct Logged {
    pub(crate) name: &'static str,
    pub(crate) log: Log,
}

impl MetaHooks for Logged {
    fn prepare(&self, name: &str, _bases: &[ClassRef], kw: &Namespace) -> Namespace {
        let line = format!("{}.__prepare__ {name} {}", self.name, keywords(kw));
        self.log.borrow_mut().push(line);
        Namespace::new().with("prepared", 1)
    }

    fn new_class(&self, def: ClassDef) -> Result<ClassDef, TypeError> {
        let line = format!(
            "{}.__new__ {} {} {}",
            self.name,
            def.name,
            keys(&def.namespace),
            keywords(&def.keywords)
        );
        self.log.borrow_mut().push(line);
        Ok(def)
    }

    fn init_class(&self, class: &ClassRef) -> Result<(), TypeError> {
        let line = format!("{}.__init__ {}", class.metaclass().name(), class.name());
        self.log.borrow_mut().push(line);
        Ok(())
    }
}

/// `Field(fail)` of the prelude.
pub(crate) fn field(fail: bool, log: &Log) -> Descriptor {
    let log = log.clone();
    Descriptor::new("Field", move |owner, name| {
        log.borrow_mut()
            .push(format!("Field.__set_name__ {}.{name}", owner.name()));
        if fail {
            return Err(Exception::new("ValueError", format!("{name} refused")));
        }
        Ok(())
    })
}

/// `def __init_subclass__(cls, **kw): hook(owner, cls, kw, strict); super()...(**kw)`.
pub(crate) fn init_subclass(owner: &str, strict: bool, log: &Log) -> InitSubclass {
    let (owner, log) = (owner.to_string(), log.clone());
    InitSubclass::new(move |class, kw, parent| {
        let line = format!(
            "{owner}.__init_subclass__ {} {}",
            class.name(),
            keywords(kw)
        );
        log.borrow_mut().push(line);
        let mut kw = kw.clone();
        if kw.remove("tag") == Some(Value::str("bad")) {
            let message = format!("{}: tag refused", class.name());
            return Err(Exception::new("ValueError", message));
        }
        if strict && !class.dict().contains("run") {
            let message = format!("{} must define run", class.name());
            return Err(Exception::new("TypeError", message));
        }
        parent.init_subclass(&kw)
    })
}

/// `failed(e)` of the prelude, for the interpreter's minor version.
pub(crate) fn failed(error: &Exception, minor: u32) -> String {
    let error = if minor < 12 {
        error.as_before_3_12()
    } else {
        error.clone()
    };
    let mut line = format!("raised {}: {}", error.type_name(), error.message());
    for note in error.notes() {
        let _ = write!(line, " | note: {note}");
    }
    if let Some(cause) = error.cause() {
        let _ = write!(line, " | from {}: {}", cause.type_name(), cause.message());
    }
    line
}

/// One generated class statement, in both languages.
pub(crate) struct Statement {
    pub(crate) name: String,
    pub(crate) bases: Vec<ClassRef>,
    pub(crate) meta: Option<usize>,
    pub(crate) tag: Option<&'static str>,
    pub(crate) fields: Vec<bool>,
    pub(crate) run: bool,
    pub(crate) hook: Option<bool>,
}

pub(crate) const METAS: [&str; 4] = ["type", "Logged", "Sub", "Other"];

impl Statement {
    pub(crate) fn python(&self) -> String {
        let mut head: Vec<String> = self.bases.iter().map(|b| b.name().to_string()).collect();
        if let Some(meta) = self.meta {
            head.push(format!("metaclass={}", METAS[meta]));
        }
        if let Some(tag) = self.tag {
            head.push(format!("tag={tag:?}"));
        }
        let mut body = format!("    log.append(\"body {}\")\n", self.name);
        for (index, fail) in self.fields.iter().enumerate() {
            let fail = if *fail { "True" } else { "False" };
            let _ = writeln!(body, "    f{index} = Field({fail})");
        }
        if self.run {
            body.push_str("    run = 1\n");
        }
        if let Some(strict) = self.hook {
            let strict = if strict { "True" } else { "False" };
            let _ = write!(
                body,
                "    def __init_subclass__(cls, **kw):\n        hook({:?}, cls, kw, {strict})\n        super().__init_subclass__(**kw)\n",
                self.name
            );
        }
        let body = body.replace('\n', "\n    ");
        format!(
            "try:\n    class {}({}):\n    {body}\nexcept Exception as e:\n    failed(e)\n",
            self.name,
            head.join(", ")
        )
    }

    pub(crate) fn run(&self, metas: &[Meta], log: &Log) -> Result<ClassRef, Exception> {
        let mut statement = ClassStatement::new(&self.name).bases(&self.bases);
        if let Some(meta) = self.meta {
            statement = statement.metaclass(&metas[meta]);
        }
        if let Some(tag) = self.tag {
            statement = statement.keyword("tag", tag);
        }
        statement.body(|ns| {
            log.borrow_mut().push(format!("body {}", self.name));
            for (index, fail) in self.fields.iter().enumerate() {
                ns.insert(&format!("f{index}"), field(*fail, log));
            }
            if self.run {
                ns.insert("run", 1);
            }
            if let Some(strict) = self.hook {
                ns.insert(
                    "__init_subclass__",
                    Value::InitSubclass(init_subclass(&self.name, strict, log)),
                );
            }
        })
    }
}
