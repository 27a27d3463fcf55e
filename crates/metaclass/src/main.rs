//! The `metaclass` demo: `cargo xtask demo metaclass [SECTION]`.
//!
//! The first half runs Python's class model (classes from (name, bases, namespace), C3,
//! metaclasses); the second shows what Rust does for the same jobs at compile time.
#![forbid(unsafe_code)]
// `&[base.clone()]` reads as Python's `(base,)`; `std::slice::from_ref(&base)` does not.
#![allow(clippy::cloned_ref_to_slice_refs)]

mod demo_classes;
mod demo_metaclasses;
mod demo_rust;

use demo::{Demo, Section};

const SECTIONS: &[Section] = &[
    Section {
        name: "type-call",
        title: "A class is built from (name, bases, namespace); its __mro__ ends with object",
        run: demo_classes::type_call,
    },
    Section {
        name: "c3",
        title: "The MRO is the C3 linearisation, and inconsistent hierarchies are refused",
        run: demo_classes::c3,
    },
    Section {
        name: "instance-lookup",
        title: "An instance looks in its own __dict__ first, then along its class's MRO",
        run: demo_classes::instance_lookup,
    },
    Section {
        name: "metaclass-hooks",
        title: "A metaclass intercepts the class statement: inspect, change or refuse",
        run: demo_metaclasses::hooks,
    },
    Section {
        name: "metaclass-inheritance",
        title: "The most derived metaclass wins; unrelated metaclasses conflict",
        run: demo_metaclasses::inheritance,
    },
    Section {
        name: "plugin-registry",
        title: "Use 1: every subclass registers itself by being defined",
        run: demo_metaclasses::plugin_registry,
    },
    Section {
        name: "abstract-methods",
        title: "Use 2: ABCMeta refuses to instantiate a class with abstract methods",
        run: demo_metaclasses::abstract_methods,
    },
    Section {
        name: "singleton",
        title: "Use 3: a metaclass __call__ that returns one instance per class",
        run: demo_metaclasses::singleton,
    },
    Section {
        name: "dataclass-macro",
        title: "Rust: a macro_rules! intercepts a struct definition at compile time",
        run: demo_rust::dataclass_macro,
    },
    Section {
        name: "plugins",
        title: "Rust: plugins register with inventory, or in an explicit registry",
        run: demo_rust::plugins,
    },
    Section {
        name: "traits",
        title: "Rust: default methods and supertraits do inheritance's jobs",
        run: demo_rust::traits,
    },
    Section {
        name: "method-resolution",
        title: "Rust: inherent methods first, and ambiguity is an error, not an order",
        run: demo_rust::method_resolution,
    },
    Section {
        name: "once-lock",
        title: "Rust: a singleton is a static initialised once",
        run: demo_rust::once_lock,
    },
];

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "metaclass",
        sections: SECTIONS,
    })
}
