//! The two REPL-like macros sections use to print the code they run beside its effect.

/// Prints an expression as written and the `Debug` of its value, like a REPL line:
/// `demo::show!(1 + 1)` prints `1 + 1 => 2`.
#[macro_export]
macro_rules! show {
    ($e:expr) => {
        println!("{} => {:?}", stringify!($e), $e)
    };
}

/// Prints a statement as written, then runs it: `demo::run!(a.x += 1)` prints `a.x += 1;`.
#[macro_export]
macro_rules! run {
    ($($statement:tt)*) => {
        println!("{};", stringify!($($statement)*));
        $($statement)*;
    };
}
