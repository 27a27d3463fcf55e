//! Sections on classes themselves: `type(name, bases, dict)`, C3, instance lookup.

use demo::Section;
use metaclass::examples::class;
use metaclass::{
    Class, ClassRef, Found, Function, Instance, Namespace, PyException, Value, tuple_repr,
};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "type-call",
        title: "A class is built from (name, bases, namespace); its __mro__ ends with object",
        run: type_call,
    },
    Section {
        name: "c3",
        title: "The MRO is the C3 linearisation, and inconsistent hierarchies are refused",
        run: c3,
    },
    Section {
        name: "instance-lookup",
        title: "An instance looks in its own __dict__ first, then along its class's MRO",
        run: instance_lookup,
    },
];

/// The notes' example: a class from (name, bases, namespace), its `__mro__` and `__dict__`.
// ANCHOR: type_call
fn type_call() -> demo::Result {
    let a = Class::new("A", &[], Namespace::new().with("x", 1))?;
    let b = Class::new("B", &[a], Namespace::new())?;
    let namespace = Namespace::new().with("y", 2);
    println!("C = type(\"C\", {}, {namespace})", tuple_repr(&[b.clone()]));
    let c = Class::new("C", &[b], namespace)?;
    println!("C.__name__  = '{}'", c.name());
    println!("C.__bases__ = {}", tuple_repr(c.bases()));
    println!("C.__mro__   = {}", tuple_repr(&c.mro()));
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
fn c3() -> demo::Result {
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
            Err(error) => println!("  {name}({}): {}", names.join(", "), error.traceback_line()),
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
fn instance_lookup() -> demo::Result {
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
        Err(error) => println!("obj.missing    -> {}", error.traceback_line()),
    }
    Ok(())
}
