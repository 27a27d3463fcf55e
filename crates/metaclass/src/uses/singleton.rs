//! A singleton: the metaclass's `__call__` hands out one instance per class.
//!
//! ```python
//! class Singleton(type):
//!     _instances = {}
//!     def __call__(cls, *args, **kwargs):
//!         if cls not in cls._instances:
//!             cls._instances[cls] = super().__call__(*args, **kwargs)
//!         return cls._instances[cls]
//! ```

use std::cell::RefCell;

use crate::model::class::ClassRef;
use crate::model::error::TypeError;
use crate::model::instance::Instance;
use crate::model::meta::MetaHooks;

// ANCHOR: singleton
/// The hooks of `Singleton`: one instance per class, made on the first call.
///
/// Like the Python dict `_instances`, this keeps every instance alive as long as the
/// metaclass lives. (Here the instance holds its class and the class its metaclass, an `Rc`
/// cycle: they are never freed, which is what a singleton asks for anyway.)
#[derive(Debug, Default)]
pub struct Singleton {
    instances: RefCell<Vec<(ClassRef, Instance)>>,
}

impl MetaHooks for Singleton {
    fn call(&self, class: &ClassRef) -> Result<Instance, TypeError> {
        if let Some((_, instance)) = self
            .instances
            .borrow()
            .iter()
            .find(|(known, _)| known.is(class))
        {
            return Ok(instance.clone());
        }
        let instance = Instance::new(class)?;
        self.instances
            .borrow_mut()
            .push((class.clone(), instance.clone()));
        Ok(instance)
    }
}
// ANCHOR_END: singleton

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Exception, Meta, Namespace};

    #[test]
    fn every_call_returns_the_same_instance_per_class() -> Result<(), Exception> {
        let meta = Meta::new("Singleton", &[], Singleton::default())?;
        let config = meta.create("Config", &[], Namespace::new())?;
        let cache = meta.create("Cache", &[], Namespace::new())?;
        assert!(config.call()?.is(&config.call()?));
        assert!(!config.call()?.is(&cache.call()?));
        Ok(())
    }
}
