//! The whole class statement against the real thing: random class statements, with a
//! logging metaclass (`__prepare__`, `__new__`, `__init__`), descriptors whose `__set_name__`
//! logs (and now and then raises), parents whose `__init_subclass__` logs, takes a keyword and
//! validates, are run here and by CPython as real `class` statements; the logs of the calls,
//! in order, and every exception (its type, message, notes and cause) must agree line for line.
//!
//! CPython 3.12.0 changed how a `__set_name__`'s exception is reported (a note instead of a
//! `RuntimeError` wrapping it): the model's errors are compared in the form of the interpreter
//! found (`XTASK_PYTHON` picks another, so every pyenv CPython can be compared).
//!
//! A `harness = false` target: the comparison is reported ignored, with the reason, where
//! `python3` cannot be started (a failure under `REQUIRE_PYTHON=1`).

mod generated;

use metaclass::{ClassRef, Exception, Meta, Plain, PyException};
use python::{comparison, run_trials};

use generated::{Log, Logged, METAS, Statement, failed};

fn main() -> std::process::ExitCode {
    run_trials(vec![comparison(
        "random_class_statements_call_what_cpython_calls_in_its_order",
        || {
            random_class_statements_call_what_cpython_calls_in_its_order()
                .expect("the metaclasses build")
        },
    )])
}

/// The helpers the generated statements call: the same behaviour as the Rust side's below.
const PRELUDE: &str = r#"
import sys
print(sys.version_info[1])
log = []
def kws(kw): return ",".join(f"{k}={v}" for k, v in kw.items()) or "-"
def keys(ns): return ",".join(k for k in ns if not k.startswith("__") or k == "__init_subclass__")
class Field:
    def __init__(self, fail): self.fail = fail
    def __set_name__(self, owner, name):
        log.append(f"Field.__set_name__ {owner.__name__}.{name}")
        if self.fail: raise ValueError(f"{name} refused")
class Logged(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(f"{mcs.__name__}.__prepare__ {name} {kws(kw)}")
        return {"prepared": 1}
    def __new__(mcs, name, bases, ns, **kw):
        log.append(f"{mcs.__name__}.__new__ {name} {keys(ns)} {kws(kw)}")
        return super().__new__(mcs, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        log.append(f"{type(cls).__name__}.__init__ {name}")
        super().__init__(name, bases, ns, **kw)
class Sub(Logged): pass
class Other(type): pass
def hook(owner, cls, kw, strict):
    log.append(f"{owner}.__init_subclass__ {cls.__name__} {kws(kw)}")
    if kw.pop("tag", None) == "bad": raise ValueError(f"{cls.__name__}: tag refused")
    if strict and "run" not in cls.__dict__: raise TypeError(f"{cls.__name__} must define run")
def failed(e):
    # CPython 3.11 breaks the MRO message over two lines; newer releases do not.
    line = f"raised {type(e).__name__}: " + str(e).replace("\n", " ")
    for note in getattr(e, "__notes__", []): line += f" | note: {note}"
    if e.__cause__ is not None: line += f" | from {type(e.__cause__).__name__}: {e.__cause__}"
    log.append(line)
"#;

/// `None` where there is no `python3`; the batch's coverage is checked before that.
fn random_class_statements_call_what_cpython_calls_in_its_order() -> Result<Option<()>, Exception> {
    const HIERARCHIES: usize = 60;
    const CLASSES: usize = 8;
    let log = Log::default();
    let metas = vec![
        Meta::type_(),
        Meta::new(
            "Logged",
            &[],
            Logged {
                name: "Logged",
                log: log.clone(),
            },
        )?,
    ];
    let sub = Meta::new(
        "Sub",
        &[metas[1].clone()],
        Logged {
            name: "Sub",
            log: log.clone(),
        },
    )?;
    let metas = [metas, vec![sub, Meta::new("Other", &[], Plain)?]].concat();
    let mut rng = fastrand::Rng::with_seed(487);
    let mut script = String::from(PRELUDE);
    // The calls logged, and each statement's exception where it raised one.
    let mut expected: Vec<Result<String, Exception>> = Vec::new();
    for _ in 0..HIERARCHIES {
        let mut defined: Vec<ClassRef> = Vec::new();
        for index in 0..CLASSES {
            let mut bases: Vec<ClassRef> = Vec::new();
            for _ in 0..[0, 1, 1, 1, 2][rng.usize(..5)] {
                if !defined.is_empty() {
                    let base = defined[rng.usize(..defined.len())].clone();
                    if !bases.contains(&base) {
                        bases.push(base);
                    }
                }
            }
            let statement = Statement {
                name: format!("C{index}"),
                bases,
                meta: (rng.u8(..3) == 0).then(|| rng.usize(..METAS.len())),
                tag: [None, None, Some("x"), Some("bad")][rng.usize(..4)],
                fields: (0..rng.usize(..3)).map(|_| rng.u8(..8) == 0).collect(),
                run: rng.bool(),
                hook: (rng.u8(..3) == 0).then(|| rng.bool()),
            };
            script.push_str(&statement.python());
            let result = statement.run(&metas, &log);
            expected.extend(log.borrow_mut().drain(..).map(Ok));
            match result {
                Ok(class) => defined.push(class),
                Err(error) => expected.push(Err(error)),
            }
        }
    }
    script.push_str("print(\"\\n\".join(log))\n");
    // The batch must reach every step and every failure, or agreeing would prove little.
    let count = |needle: &str| {
        let lines = expected.iter().map(|entry| match entry {
            Ok(line) => line.clone(),
            Err(error) => format!("raised {}", error.traceback_line()),
        });
        lines.filter(|line| line.contains(needle)).count()
    };
    let reached = [
        "__prepare__",
        "Field.__set_name__",
        "__init_subclass__ C",
        "Sub.__init__",
        "Error calling __set_name__",
        "tag refused",
        "must define run",
        "takes no keyword arguments",
        "metaclass conflict",
    ]
    .map(|needle| (needle, count(needle)));
    assert!(reached.iter().all(|&(_, n)| n >= 3), "{reached:?}");
    let Some(actual) = python::run(&script) else {
        return Ok(None);
    };
    // The script prints its minor version first; the model's errors take its form.
    let mut actual = actual.lines();
    let minor: u32 = actual
        .next()
        .and_then(|line| line.parse().ok())
        .expect("a version");
    let actual: Vec<&str> = actual.collect();
    let expected: Vec<String> = expected
        .iter()
        .map(|entry| match entry {
            Ok(line) => line.clone(),
            Err(error) => failed(error, minor),
        })
        .collect();
    for (line, (expected, actual)) in expected.iter().zip(&actual).enumerate() {
        assert_eq!(expected, actual, "log line {line}");
    }
    assert_eq!(expected.len(), actual.len(), "as many calls logged");
    println!(
        "{} calls and errors agree with CPython 3.{minor} ({})",
        expected.len(),
        reached
            .map(|(needle, n)| format!("{needle}: {n}"))
            .join(", ")
    );
    Ok(Some(()))
}
