//! Sections on conversions: the notes' claim, strong vs weak, From/TryFrom, parse, `as`.

use demo::Section;
use typing::{attempt, casts, coercion, convert, model, parse};

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

fn strong_vs_weak() -> demo::Result {
    let rows: Vec<[String; 3]> = model::examples()
        .iter()
        .map(|(a, b)| {
            let python = match model::python_add(a, b) {
                Ok(value) => value.to_string(),
                Err(exception) => exception.to_string(),
            };
            [
                format!("{a} + {b}"),
                python,
                model::javascript_add(a, b).to_string(),
            ]
        })
        .collect();
    let header = ["a + b", "Python (strong)", "JavaScript (weak)"].map(str::to_owned);
    let width = |i: usize| {
        rows.iter()
            .chain([&header])
            .map(|r| r[i].len())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1) = (width(0), width(1));
    for [a, b, c] in std::iter::once(&header).chain(&rows) {
        println!("{a:w0$}  {b:w1$}  {c}");
    }
    Ok(())
}

fn from_into() -> demo::Result {
    println!("From (cannot fail, loses nothing):");
    print_indented(&attempt::render(&convert::lossless()));
    println!("TryFrom (returns a Result):");
    print_indented(&attempt::render(&convert::fallible()));
    Ok(())
}

fn parse() -> demo::Result {
    let header = ["input", "Rust: input.parse::<i64>()", "Python: int(input)"];
    print_indented(&parse::render(header, &parse::int_table()));
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
    let examples = casts::examples();
    let w0 = examples.iter().map(|c| c.code.len()).max().unwrap_or(0);
    let w1 = examples.iter().map(|c| c.value.len()).max().unwrap_or(0);
    for cast in &examples {
        println!("  {:w0$}  = {:w1$}  {}", cast.code, cast.value, cast.loss);
    }
    println!("The checked alternative refuses instead:");
    print_indented(&attempt::render(&[
        typing::attempt!(u8::try_from(300_i32)),
        typing::attempt!(u32::try_from(-1_i32)),
    ]));
    Ok(())
}
