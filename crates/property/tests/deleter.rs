//! What replaces Python's `@x.deleter` and `del a.x`: a Rust struct cannot lose a field, so a
//! value that may stop being there is an `Option`, and deleting it is `take()`, which hands
//! the value back and leaves `None`. docs/property.md shows the `deleter` region.

// ANCHOR: deleter
/// A session whose token can be revoked: `del session.token` in Python.
#[derive(Debug, Default)]
struct Session {
    token: Option<String>,
}

impl Session {
    /// The getter: `None` once deleted, where Python raises `AttributeError`.
    fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The deleter: the value is moved out to the caller (or dropped, if the caller ignores
    /// it) and the field says it is gone; `&mut self`, so no one can be reading it meanwhile.
    fn delete_token(&mut self) -> Option<String> {
        self.token.take()
    }
}

#[test]
fn deleting_takes_the_value_out_and_leaves_none() {
    let mut session = Session {
        token: Some("secret".to_string()),
    };
    assert_eq!(session.delete_token().as_deref(), Some("secret"));
    assert_eq!(session.token(), None);
    // A second `del` raises AttributeError in Python; here it finds nothing to take.
    assert_eq!(session.delete_token(), None);
}
// ANCHOR_END: deleter

#[test]
fn a_session_starts_without_a_token() {
    assert_eq!(Session::default().token(), None);
}
