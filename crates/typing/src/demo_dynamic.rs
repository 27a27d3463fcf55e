//! Sections on dynamic typing inside Rust: `dyn Any`, trait objects, generics with bounds.

use demo::{Section, show};
use std::any::{Any, type_name_of_val};
use std::mem::size_of;
use typing::any::{describe, isinstance, python_list, take};
use typing::duck::{Duck, Quack, chorus, flock, largest, quack_twice, total};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "enum-list",
        title: "A list of mixed types as Rust writes it first: an enum, and match",
        run: enum_list,
    },
    Section {
        name: "any-downcast",
        title: "Box<dyn Any> and downcast_ref: a Python list of anything",
        run: any_downcast,
    },
    Section {
        name: "duck-typing",
        title: "Trait objects: duck typing, checked when the value is put in",
        run: duck_typing,
    },
    Section {
        name: "generic-bounds",
        title: "Generics with trait bounds: checked duck typing at compile time",
        run: generic_bounds,
    },
];

// ANCHOR: item_enum
/// One element of Python's `[1, "two", 3.0, [4]]`: the types the list may hold, listed.
enum Item {
    Int(i64),
    Str(String),
    Float(f64),
    List(Vec<i64>),
}
// ANCHOR_END: item_enum

/// The list of mixed types as an `enum`: `match` takes each variant, and one left out is a
/// compile error.
fn enum_list() -> demo::Result {
    // ANCHOR: item_match
    let items = vec![
        Item::Int(1),
        Item::Str("two".into()),
        Item::Float(3.0),
        Item::List(vec![4]),
    ];
    for item in &items {
        match item {
            Item::Int(n) => println!("int {n}"),
            Item::Str(s) => println!("str {s:?}"),
            Item::Float(x) => println!("float {x:?}"),
            Item::List(v) => println!("list {v:?}"),
        }
    }
    // ANCHOR_END: item_match
    Ok(())
}

fn any_downcast() -> demo::Result {
    let list: Vec<Box<dyn Any>> = python_list();
    println!("Python's [1, \"two\", 3.0, [4]] as Vec<Box<dyn Any>>:");
    for (i, item) in list.iter().enumerate() {
        println!("  [{i}] {}", describe(item.as_ref()));
    }
    show!(isinstance::<String>(list[1].as_ref()));
    show!(list[0].downcast_ref::<i64>());
    show!(list[0].downcast_ref::<i32>());
    show!(type_name_of_val(list[1].as_ref()));
    let mut list = list;
    show!(take::<String>(list.remove(1)).ok());
    Ok(())
}

fn duck_typing() -> demo::Result {
    let flock: Vec<Box<dyn Quack>> = flock();
    println!("chorus(&flock), one Vec<Box<dyn Quack>> holding three types:");
    for line in chorus(&flock) {
        println!("  {line}");
    }
    show!(size_of::<&dyn Quack>() / size_of::<usize>());
    show!(size_of::<&Duck>() / size_of::<usize>());
    Ok(())
}

fn generic_bounds() -> demo::Result {
    show!(quack_twice(&Duck));
    show!(quack_twice(flock()[2].as_ref()));
    show!(total(&[1, 2, 3]));
    show!(total(&[0.5, 2.0]));
    show!(largest(&["pear", "apple", "fig"]));
    show!(largest::<u8>(&[]));
    Ok(())
}
