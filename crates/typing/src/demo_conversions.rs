//! Sections on conversions: the notes' claim, strong vs weak, From/TryFrom, parse, `as`.

use demo::{Section, table};
use typing::{PyException, attempt, casts, coercion, convert, model, parse};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "no-coercion",
        title: "You cannot coerce objects into a different type: convert explicitly",
        run: no_coercion,
    },
    Section {
        name: "strong-vs-weak",
        title: "Strong vs weak typing: Python's + beside a weak language's, both at run time",
        run: strong_vs_weak,
    },
    Section {
        name: "from-into",
        title: "From/Into for lossless conversions, TryFrom with its error",
        run: from_into,
    },
    Section {
        name: "parse-match",
        title: "int(s) in a try, as Rust code writes it: match on s.parse::<i64>()",
        run: parse_match,
    },
    Section {
        name: "parse",
        title: "str::parse and its errors, beside Python's int() and bool()",
        run: parse,
    },
    Section {
        name: "as-casts",
        title: "as casts: silent wrapping, truncation and saturation",
        run: as_casts,
    },
];

fn print_indented(lines: &[String]) {
    for line in lines {
        println!("  {line}");
    }
}

fn no_coercion() -> demo::Result {
    println!("Python: \"1\" + 1 raises TypeError when it runs. Rust: it does not compile.");
    println!("Written out instead, and run:");
    print_indented(&attempt::render(&coercion::explicit_conversions()));
    Ok(())
}

// ANCHOR: strong_vs_weak
fn strong_vs_weak() -> demo::Result {
    let rows: Vec<[String; 3]> = model::examples()
        .iter()
        .map(|(a, b)| {
            let python = match model::python_add(a, b) {
                Ok(value) => value.to_string(),
                Err(exception) => exception.traceback_line().to_string(),
            };
            [
                format!("{a} + {b}"),
                python,
                model::javascript_add(a, b).to_string(),
            ]
        })
        .collect();
    let header = ["a + b", "Python (strong)", "JavaScript (weak)"];
    let cells: Vec<[&str; 3]> = std::iter::once(header)
        .chain(rows.iter().map(|row| row.each_ref().map(String::as_str)))
        .collect();
    for line in table::columns(&cells, "  ") {
        println!("{line}");
    }
    Ok(())
}
// ANCHOR_END: strong_vs_weak

fn from_into() -> demo::Result {
    println!("From (cannot fail, loses nothing):");
    print_indented(&attempt::render(&convert::lossless()));
    println!("TryFrom (returns a Result):");
    print_indented(&attempt::render(&convert::fallible()));
    Ok(())
}

/// What a Rust programmer types for `int(s)` and its `ValueError`: `parse` returns a `Result`,
/// and `match` takes both outcomes.
fn parse_match() -> demo::Result {
    for s in ["42", "-7", "4 2", ""] {
        // ANCHOR: parse_match
        match s.parse::<i64>() {
            Ok(n) => println!("{s:?} is the number {n}"),
            Err(e) => println!("{s:?} is not a number: {e}"),
        }
        // ANCHOR_END: parse_match
    }
    Ok(())
}

fn parse() -> demo::Result {
    let header = ["input", "Rust: input.parse::<i64>()", "Python: int(input)"];
    print_indented(&parse::render(header, &parse::int_table()));
    println!("Python's leniency, written out in Rust:");
    print_indented(&attempt::render(&parse::explicit_leniency()));
    println!();
    let header = [
        "input",
        "Rust: input.parse::<bool>()",
        "Python: bool(input)",
    ];
    print_indented(&parse::render(header, &parse::bool_table()));
    println!();
    print_indented(&attempt::render(&parse::float_attempts()));
    Ok(())
}

fn as_casts() -> demo::Result {
    let shown: Vec<[String; 3]> = casts::examples()
        .into_iter()
        .map(|cast| {
            [
                cast.code.to_owned(),
                format!("= {}", cast.value),
                cast.loss.to_string(),
            ]
        })
        .collect();
    let cells: Vec<[&str; 3]> = shown
        .iter()
        .map(|row| row.each_ref().map(String::as_str))
        .collect();
    print_indented(&table::columns(&cells, "  "));
    println!("The checked alternative refuses instead:");
    print_indented(&attempt::render(&[
        typing::attempt!(u8::try_from(300_i32)),
        typing::attempt!(u32::try_from(-1_i32)),
    ]));
    Ok(())
}
