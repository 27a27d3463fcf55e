//! The notes' own example, class `A`, and what its `_x` means in Rust.

use demo::Section;
use demo::{run, show};
use property::privacy::mangle;
use property::{A, PyException};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "class-a",
        title: "The notes' class A: a validated x, and a refused set as an error value",
        run: class_a,
    },
    Section {
        name: "failed-set",
        title: "A refused set leaves x as it was",
        run: failed_set,
    },
    Section {
        name: "privacy",
        title: "_x and __x are conventions; Rust's privacy is checked at the module",
        run: privacy,
    },
];

/// `a = A()`, `a.x = -1` raising `ValueError: Must be >= 0`, and `x` keeping its value.
fn class_a() -> demo::Result {
    run!(let mut a = A::new());
    show!(a.x());
    let refused = a.set_x(-1);
    println!("a.set_x(-1) => {refused:?}");
    if let Err(error) = refused {
        println!("{}", error.traceback_line());
    }
    show!(a.x());
    show!(a.set_x(5));
    show!(a.x());
    Ok(())
}

/// Every refused value leaves `x` where the last accepted one put it.
// ANCHOR: failed_set
fn failed_set() -> demo::Result {
    let mut a = A::new();
    for value in [3, -1, i64::MIN, 0, i64::MAX, -5] {
        let outcome = match a.set_x(value) {
            Ok(()) => "ok".to_owned(),
            Err(error) => error.traceback_line().to_string(),
        };
        let call = format!("a.set_x({value})");
        println!("{call:<30} {outcome:<26} then a.x() => {}", a.x());
    }
    Ok(())
}
// ANCHOR_END: failed_set

/// Python's `__x` renaming, computed; Rust's privacy boundary, shown from a child module.
fn privacy() -> demo::Result {
    show!(mangle("A", "_x"));
    show!(mangle("A", "__x"));
    show!(mangle("A", "__init__"));
    show!(mangle("_Base", "__x"));

    let account = account::Account::open(10);
    println!(
        "account::audit::balance(&account) => {} (a child module reads the private field)",
        account::audit::balance(&account)
    );
    Ok(())
}

/// A module with a private field, to show who may read it: this module and its children.
// ANCHOR: account
mod account {
    /// A balance that only this module and its children can touch.
    pub(crate) struct Account {
        balance: i64,
    }

    impl Account {
        pub(crate) fn open(balance: i64) -> Account {
            Account { balance }
        }
    }

    /// A child module: Rust lets it read `Account`'s private field.
    pub(crate) mod audit {
        pub(crate) fn balance(account: &super::Account) -> i64 {
            account.balance
        }
    }
}
// ANCHOR_END: account
