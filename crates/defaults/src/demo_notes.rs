//! The notes' own example: `func1` with its shared default list, and `func2` with `None`.

use defaults::List;
use defaults::shared_default::{define_func1, func2};
use demo::Section;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "mutable-default",
        title: "The notes' func1 and func2: one shared default list, then None",
        run: mutable_default,
    },
    Section {
        name: "shared-handles",
        title: "Why func1 prints the same list three times",
        run: shared_handles,
    },
];

/// `print([func1(i) for i in range(3)])` and `print([func2(i) for i in range(3)])`.
// ANCHOR: mutable_default
fn mutable_default() -> demo::Result {
    let func1 = define_func1();
    let results: Vec<List<i64>> = (0..3).map(|i| func1(i, None)).collect();
    println!("{results:?}");

    let results: Vec<List<i64>> = (0..3).map(|i| func2(i, None)).collect();
    println!("{results:?}");
    Ok(())
}
// ANCHOR_END: mutable_default

/// The three results of `func1` are one list; copies taken after each call show the history.
// ANCHOR: shared_handles
fn shared_handles() -> demo::Result {
    let func1 = define_func1();
    let results: Vec<List<i64>> = (0..3).map(|i| func1(i, None)).collect();
    println!(
        "func1: results[0] is results[1]: {}; results[1] is results[2]: {}",
        results[0].is(&results[1]),
        results[1].is(&results[2]),
    );
    println!(
        "func1: handles to its default list: {} (the {} results and the one func1 keeps)",
        results[0].handles(),
        results.len(),
    );

    let results: Vec<List<i64>> = (0..3).map(|i| func2(i, None)).collect();
    let handles: Vec<usize> = results.iter().map(List::handles).collect();
    println!(
        "func2: results[0] is results[1]: {}; handles to each list: {handles:?}",
        results[0].is(&results[1]),
    );

    let func1 = define_func1();
    let copies: Vec<Vec<i64>> = (0..3).map(|i| func1(i, None).to_vec()).collect();
    println!("func1, a copy right after each call: {copies:?}");
    Ok(())
}
// ANCHOR_END: shared_handles
