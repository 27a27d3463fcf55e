//! A plugin registry without metaclasses: `inventory` collects registrations made anywhere
//! in the linked program before `main` starts, and an explicit registry is a value you fill
//! in `main`.
//!
//! In Python, defining `class Csv(Plugin)` registers it because `PluginMeta.__new__` runs.
//! In Rust a definition runs nothing, so a registration is a separate, visible item:
//! `inventory::submit!` next to the type, or a call to `Registry::register`. A `submit!`
//! holds a constant; the linker places a small constructor for it that adds it to the list
//! before `main` (`.init_array` on Linux). No user code runs there, and every entry is in
//! the list at once, so unlike Python imports nothing depends on the order.

/// What every exporter plugin does: a trait is the interface the Python base class was.
pub trait Exporter {
    /// Turns rows of (name, value) into text.
    fn export(&self, rows: &[(&str, i64)]) -> String;
}

// ANCHOR: plugin
/// One registered plugin: a name and how to make it.
#[derive(Debug)]
pub struct Plugin {
    /// The name users pick the plugin by.
    pub name: &'static str,
    /// Makes a fresh instance.
    pub make: fn() -> Box<dyn Exporter>,
}

inventory::collect!(Plugin);

/// Every plugin submitted anywhere in the program, sorted by name (`inventory` promises no
/// order).
pub fn plugins() -> Vec<&'static Plugin> {
    let mut plugins: Vec<&'static Plugin> = inventory::iter::<Plugin>.into_iter().collect();
    plugins.sort_by_key(|plugin| plugin.name);
    plugins
}

/// The plugin called `name`, made fresh.
pub fn make(name: &str) -> Option<Box<dyn Exporter>> {
    plugins()
        .into_iter()
        .find(|plugin| plugin.name == name)
        .map(|plugin| (plugin.make)())
}

/// Comma-separated values.
#[derive(Clone, Copy, Debug, Default)]
pub struct Csv;

impl Exporter for Csv {
    fn export(&self, rows: &[(&str, i64)]) -> String {
        rows.iter()
            .map(|(name, value)| format!("{name},{value}"))
            .collect::<Vec<_>>()
            .join(";")
    }
}

inventory::submit! { Plugin { name: "csv", make: || Box::new(Csv) } }
// ANCHOR_END: plugin

/// A JSON object.
#[derive(Clone, Copy, Debug, Default)]
pub struct Json;

impl Exporter for Json {
    fn export(&self, rows: &[(&str, i64)]) -> String {
        let fields: Vec<String> = rows
            .iter()
            .map(|(name, value)| format!("\"{name}\": {value}"))
            .collect();
        format!("{{{}}}", fields.join(", "))
    }
}

inventory::submit! { Plugin { name: "json", make: || Box::new(Json) } }

/// The explicit alternative: a registry is an ordinary value, filled where the program
/// starts. Nothing is implicit, the order is the order of the calls, and tests can build one
/// with exactly the plugins they want.
#[derive(Default)]
pub struct Registry {
    plugins: Vec<(String, Box<dyn Exporter>)>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a plugin under `name`; a name registered twice is refused, so a typo in one
    /// registration cannot silently replace another plugin.
    pub fn register(
        &mut self,
        name: &str,
        plugin: Box<dyn Exporter>,
    ) -> Result<(), AlreadyRegistered> {
        if self.plugins.iter().any(|(known, _)| known == name) {
            return Err(AlreadyRegistered {
                name: name.to_string(),
            });
        }
        self.plugins.push((name.to_string(), plugin));
        Ok(())
    }

    /// The registered names, in registration order.
    pub fn names(&self) -> Vec<&str> {
        self.plugins.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// The plugin called `name`.
    pub fn get(&self, name: &str) -> Option<&dyn Exporter> {
        self.plugins
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, plugin)| &**plugin)
    }
}

/// Why [`Registry::register`] refused a plugin: its name is taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlreadyRegistered {
    /// The name asked for.
    pub name: String,
}

impl std::fmt::Display for AlreadyRegistered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "plugin {:?} is already registered; register this one under another name",
            self.name
        )
    }
}

impl std::error::Error for AlreadyRegistered {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inventory_collects_the_submitted_plugins() {
        let names: Vec<&str> = plugins().iter().map(|plugin| plugin.name).collect();
        assert!(
            names.contains(&"csv") && names.contains(&"json"),
            "{names:?}"
        );
        let csv = make("csv").expect("csv is submitted in this module");
        assert_eq!(csv.export(&[("a", 1), ("b", 2)]), "a,1;b,2");
    }

    #[test]
    fn the_explicit_registry_refuses_a_name_twice() {
        let mut registry = Registry::new();
        assert_eq!(registry.register("json", Box::new(Json)), Ok(()));
        assert_eq!(
            registry.register("json", Box::new(Csv)),
            Err(AlreadyRegistered {
                name: "json".to_string()
            })
        );
        assert_eq!(registry.names(), ["json"]);
        assert_eq!(
            registry.get("json").map(|p| p.export(&[("a", 1)])),
            Some("{\"a\": 1}".into())
        );
    }
}
