//! A registry of subclasses: every plugin class registers itself by being defined.
//!
//! ```python
//! class PluginMeta(type):
//!     plugins = []
//!     def __new__(mcls, name, bases, ns):
//!         if bases and "run" not in ns:
//!             raise TypeError(f"plugin {name} must define run()")
//!         cls = super().__new__(mcls, name, bases, ns)
//!         if bases:                      # the root class is not a plugin
//!             mcls.plugins.append(cls)
//!         return cls
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use crate::model::class::ClassRef;
use crate::model::error::TypeError;
use crate::model::meta::{ClassDef, MetaHooks};

/// The `PluginMeta` hooks. Cloning shares the registry, so the caller keeps a handle to read
/// it after giving a clone to [`Meta::new`](crate::Meta::new).
#[derive(Clone, Debug, Default)]
pub struct PluginRegistry {
    plugins: Rc<RefCell<Vec<ClassRef>>>,
}

impl PluginRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// The plugin classes defined so far, in definition order.
    pub fn plugins(&self) -> Vec<ClassRef> {
        self.plugins.borrow().clone()
    }

    /// Their names, for printing.
    pub fn names(&self) -> Vec<String> {
        self.plugins
            .borrow()
            .iter()
            .map(|class| class.name().to_string())
            .collect()
    }
}

// ANCHOR: hooks
/// A class with a base (other than `object`) is a plugin: it must define `run`, and is
/// recorded once created. The root, written without bases, is not.
fn is_plugin(bases: &[ClassRef]) -> bool {
    bases.iter().any(|base| !base.is(&ClassRef::object()))
}

impl MetaHooks for PluginRegistry {
    fn new_class(&self, def: ClassDef) -> Result<ClassDef, TypeError> {
        if is_plugin(&def.bases) && !def.namespace.contains("run") {
            return Err(TypeError::new(format!(
                "plugin {} must define run()",
                def.name
            )));
        }
        Ok(def)
    }

    fn init_class(&self, class: &ClassRef) -> Result<(), TypeError> {
        if is_plugin(class.bases()) {
            self.plugins.borrow_mut().push(class.clone());
        }
        Ok(())
    }
}
// ANCHOR_END: hooks

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Exception, Function, Meta, Namespace, Value};

    #[test]
    fn subclasses_register_and_a_plugin_without_run_is_refused() -> Result<(), Exception> {
        let registry = PluginRegistry::new();
        let meta = Meta::new("PluginMeta", &[], registry.clone())?;
        let root = meta.create("Plugin", &[], Namespace::new())?;
        let run = |out: &'static str| Function::new("run", move |_| Value::str(out));
        crate::Class::new(
            "Csv",
            &[root.clone()],
            Namespace::new().with_method(run("csv")),
        )?;
        crate::Class::new(
            "Json",
            &[root.clone()],
            Namespace::new().with_method(run("json")),
        )?;
        assert_eq!(registry.names(), ["Csv", "Json"]);
        let error = crate::Class::new("Broken", &[root], Namespace::new()).unwrap_err();
        assert_eq!(error.message(), "plugin Broken must define run()");
        assert_eq!(registry.names(), ["Csv", "Json"]);
        Ok(())
    }
}
