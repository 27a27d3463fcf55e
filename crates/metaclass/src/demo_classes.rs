//! Sections on classes themselves: `type(name, bases, dict)`, C3, instance lookup.

use metaclass::{Class, ClassRef, Found, Function, Instance, Namespace, Value, mro_repr};

/// The notes' example: a class from (name, bases, namespace), its `__mro__` and `__dict__`.
// ANCHOR: type_call
pub(crate) fn type_call() -> demo::Result {
    let a = Class::new("A", &[], Namespace::new().with("x", 1))?;
    let b = Class::new("B", &[a], Namespace::new())?;
    let namespace = Namespace::new().with("y", 2);
    println!("C = type(\"C\", {}, {namespace})", mro_repr(&[b.clone()]));
    let c = Class::new("C", &[b], namespace)?;
    println!("C.__name__  = '{}'", c.name());
    println!("C.__bases__ = {}", mro_repr(c.bases()));
    println!("C.__mro__   = {}", mro_repr(&c.mro()));
    println!("C.__dict__  = {}", c.dict());
    for name in ["x", "y"] {
        let (owner, value) = c
            .lookup(name)
            .ok_or_else(|| format!("C.{name} not found"))?;
        println!("C.{name} = {value}   (found in {}.__dict__)", owner.name());
    }
    println!("type(C)     = {}", c.metaclass());
    Ok(())
}
// ANCHOR_END: type_call

fn class(name: &str, bases: &[&ClassRef]) -> Result<ClassRef, metaclass::TypeError> {
    let bases: Vec<ClassRef> = bases.iter().map(|&base| base.clone()).collect();
    Class::new(name, &bases, Namespace::new())
}

fn show_mro(class: &ClassRef) {
    let bases: Vec<&str> = class.bases().iter().map(ClassRef::name).collect();
    println!(
        "  {}({}): {}",
        class.name(),
        bases.join(", "),
        class.mro_names().join(" ")
    );
}

/// The examples of "The Python 2.3 Method Resolution Order", and what C3 refuses.
pub(crate) fn c3() -> demo::Result {
    println!("Consistent hierarchies (class(bases): MRO):");
    let (f, e, d) = (class("F", &[])?, class("E", &[])?, class("D", &[])?);
    let c = class("C", &[&d, &f])?;
    let b = class("B", &[&d, &e])?;
    let a = class("A", &[&b, &c])?;
    for class in [&c, &b, &a] {
        show_mro(class);
    }
    let b2 = class("B", &[&e, &d])?;
    show_mro(&b2);
    show_mro(&class("A", &[&b2, &c])?);
    println!("Refused:");
    let (x, y) = (class("X", &[])?, class("Y", &[])?);
    let xy = class("XY", &[&x, &y])?;
    let yx = class("YX", &[&y, &x])?;
    for (name, bases) in [
        ("Z", vec![&xy, &yx]),
        ("G", vec![&x, &xy]),
        ("H", vec![&x, &x]),
    ] {
        let names: Vec<&str> = bases.iter().map(|base| base.name()).collect();
        match class(name, &bases) {
            Ok(class) => println!(
                "  {name}({}): unexpectedly {:?}",
                names.join(", "),
                class.mro_names()
            ),
            Err(error) => println!("  {name}({}): {error}", names.join(", ")),
        }
    }
    Ok(())
}

fn describe(found: Option<Found>) -> String {
    match found {
        Some(Found::Instance(value)) => format!("{value}  (from obj.__dict__)"),
        Some(Found::Class(class, value)) => format!("{value}  (from {}.__dict__)", class.name()),
        None => "not found".to_string(),
    }
}

fn greeting(this: &Instance) -> Value {
    let greeting = this.getattr("greeting").ok();
    let text = greeting.as_ref().and_then(Value::as_str).unwrap_or("?");
    Value::str(format!("{text} from {}", this.class().name()))
}

/// Instance dict first, then the class's MRO; assignment always goes to the instance.
pub(crate) fn instance_lookup() -> demo::Result {
    let base = Class::new(
        "Base",
        &[],
        Namespace::new()
            .with("greeting", "hello")
            .with_method(Function::new("greet", greeting)),
    )?;
    let child = Class::new("Child", &[base], Namespace::new())?;
    let obj = child.call()?;
    println!("obj = Child()");
    println!("obj.greeting   -> {}", describe(obj.lookup("greeting")));
    println!("obj.greet()    -> {}", obj.call_method("greet")?);
    obj.setattr("greeting", "hi");
    println!("obj.greeting = 'hi'");
    println!("obj.__dict__   -> {}", obj.dict());
    println!("obj.greeting   -> {}", describe(obj.lookup("greeting")));
    println!("obj.greet()    -> {}", obj.call_method("greet")?);
    println!("Child.greeting -> {}", child.getattr("greeting")?);
    match obj.getattr("missing") {
        Ok(value) => println!("obj.missing    -> unexpectedly {value}"),
        Err(error) => println!("obj.missing    -> {error}"),
    }
    Ok(())
}
