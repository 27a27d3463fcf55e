//! Sections on Rust's own answers: a definition-rewriting macro, plugin registries, traits,
//! method resolution, and a `static` singleton.

use demo::Section;
use metaclass::rust_way::intercept::{self, Record};
use metaclass::rust_way::once;
use metaclass::rust_way::plugins::{self, Exporter, Plugin, Registry};
use metaclass::rust_way::resolution::{Animal, Duck, Goose, Loud, Polite, Swan};
use metaclass::rust_way::traits::{Circle, Cube, Shape, Solid, Square};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "dataclass-macro",
        title: "Rust: a macro_rules! intercepts a struct definition at compile time",
        run: dataclass_macro,
    },
    Section {
        name: "plugins",
        title: "Rust: plugins register with inventory, or in an explicit registry",
        run: plugins,
    },
    Section {
        name: "traits",
        title: "Rust: default methods and supertraits do inheritance's jobs",
        run: traits,
    },
    Section {
        name: "method-resolution",
        title: "Rust: inherent methods first, and ambiguity is an error, not an order",
        run: method_resolution,
    },
    Section {
        name: "once-lock",
        title: "Rust: a singleton is a static initialised once",
        run: once_lock,
    },
];

// ANCHOR: definitions
metaclass::dataclass! {
    /// A user, defined through the macro: it gains `new`, `Record`, `Display` and a
    /// registration.
    #[derive(Clone, Debug)]
    pub(crate) struct User {
        name: String,
        age: u32,
    }
}

metaclass::dataclass! {
    /// A second definition, to show that each one is recorded.
    pub(crate) struct Point { x: i64, y: i64 }
}
// ANCHOR_END: definitions

/// What the macro added to each definition.
fn dataclass_macro() -> demo::Result {
    let user = User::new("Ada".to_string(), 36);
    println!("User::new(\"Ada\", 36)   -> {user}");
    println!("User::FIELDS           -> {:?}", User::FIELDS);
    println!("Point::new(1, 2)       -> {}", Point::new(1, 2));
    println!("Point::NAME            -> {:?}", Point::NAME);
    println!("defined with the macro -> {:?}", intercept::defined());
    println!(
        "user.clone().name      -> {:?} (the struct's own derives are kept)",
        user.clone().name
    );
    Ok(())
}

// ANCHOR: plugins
/// A plugin defined in this binary, not in the library: `inventory` still finds it.
struct Markdown;

impl Exporter for Markdown {
    fn export(&self, rows: &[(&str, i64)]) -> String {
        rows.iter()
            .map(|(name, value)| format!("| {name} | {value} |"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

inventory::submit! { Plugin { name: "markdown", make: || Box::new(Markdown) } }

/// `inventory` collects registrations from every crate; an explicit registry is filled here.
fn plugins() -> demo::Result {
    let rows = [("a", 1), ("b", 2)];
    println!("inventory, submitted next to each type (two in the library, one in this binary):");
    for plugin in plugins::plugins() {
        println!("  {:<8} -> {}", plugin.name, (plugin.make)().export(&rows));
    }
    println!("explicit, registered in order by the program:");
    let mut registry = Registry::new();
    registry.register("md", Box::new(Markdown))?;
    registry.register("csv", Box::new(plugins::Csv))?;
    for name in registry.names() {
        let plugin = registry.get(name).ok_or("a registered name has a plugin")?;
        println!("  {name:<8} -> {}", plugin.export(&rows));
    }
    match registry.register("csv", Box::new(plugins::Json)) {
        Ok(()) => println!("  registering csv twice: unexpectedly accepted"),
        Err(error) => println!("  registering csv twice: {error}"),
    }
    Ok(())
}
// ANCHOR_END: plugins

/// Default methods are inherited, overridable, and may use supertrait methods.
fn traits() -> demo::Result {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Square(2.0)),
        Box::new(Circle(1.0)),
        Box::new(Cube(3.0)),
    ];
    for shape in &shapes {
        println!("{:<7} describe() -> {}", shape.name(), shape.describe());
    }
    println!(
        "cube    volume()   -> {} (Solid's default, built on Shape::area)",
        Cube(3.0).volume()
    );
    Ok(())
}

/// Inherent first; the trait named when two offer the method; a diamond is one method.
// ANCHOR: method_resolution
fn method_resolution() -> demo::Result {
    let calls = [
        ("Duck.speak()", Duck.speak()),
        ("Loud::speak(&Duck)", Loud::speak(&Duck)),
        (
            "<Duck as Polite>::speak(&Duck)",
            <Duck as Polite>::speak(&Duck),
        ),
        ("Loud::speak(&Goose)", Loud::speak(&Goose)),
    ];
    for (call, result) in calls {
        println!("{call:<31} -> {result}");
    }
    println!("{:<31} -> {}", "Swan.kind() (Flyer + Swimmer)", Swan.kind());
    Ok(())
}
// ANCHOR_END: method_resolution

/// `OnceLock`: initialised on the first call, shared ever after.
fn once_lock() -> demo::Result {
    let first = once::config();
    let others = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4).map(|_| scope.spawn(once::config)).collect();
        handles
            .into_iter()
            .map(|handle| handle.join().map_err(|_| "a thread panicked"))
            .collect::<Result<Vec<&'static once::Config>, _>>()
    })?;
    let same = others.iter().all(|other| std::ptr::eq(first, *other));
    println!("config() called {} times from 5 threads", once::calls());
    println!("every call returned the same &'static Config: {same}");
    println!("it was made by call number {}", first.made_by_call);
    Ok(())
}
