//! Named column mappings kept in the team settings (`import.profile.NAME`), so that every
//! colleague imports another system's export the same way: `loyal import customers f.xlsx
//! --profile wukong`. A profile is `--map` text; its pairs for fields a kind lacks are passed
//! over, so one profile can serve a system's customer and order files.

use super::{Service, ServiceError};
use crate::domain::Role;
use crate::transfer::ColumnMap;

const PREFIX: &str = "import.profile.";
/// The longest profile name.
const MAX_NAME_CHARS: usize = 40;

/// A saved mapping.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportProfile {
    pub name: String,
    /// `source=field` pairs, as `--map` takes them.
    pub map: String,
}

fn check_name(name: &str) -> Result<&str, ServiceError> {
    let name = name.trim();
    let fine = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !name
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "=,;".contains(c));
    if fine {
        Ok(name)
    } else {
        Err(ServiceError::invalid(
            "profile",
            t!("profile-bad-name", most = MAX_NAME_CHARS),
        ))
    }
}

impl Service {
    /// Every saved profile, by name.
    pub fn import_profiles(&self) -> Result<Vec<ImportProfile>, ServiceError> {
        Ok(self
            .store
            .read()?
            .settings_starting_with(PREFIX)?
            .into_iter()
            .map(|(key, map)| ImportProfile {
                name: key[PREFIX.len()..].to_string(),
                map,
            })
            .collect())
    }

    /// The mapping of profile `name`; an unknown name is refused with the names there are.
    pub fn import_profile(&self, name: &str) -> Result<ColumnMap, ServiceError> {
        let name = check_name(name)?;
        match self.store.read()?.setting(&format!("{PREFIX}{name}"))? {
            Some(text) => {
                ColumnMap::parse(&text).map_err(|reason| ServiceError::invalid("profile", reason))
            }
            None => {
                let names: Vec<String> = self
                    .import_profiles()?
                    .into_iter()
                    .map(|p| p.name)
                    .collect();
                Err(ServiceError::invalid(
                    "profile",
                    t!(
                        "profile-unknown",
                        name = name,
                        names = if names.is_empty() {
                            t!("profile-none")
                        } else {
                            names.join(", ")
                        }
                    ),
                ))
            }
        }
    }

    /// Saves `map` (checked as `--map` is) as profile `name`, replacing one of that name;
    /// `None` removes it. An admin's change to the team settings, audited.
    pub fn save_import_profile(&self, name: &str, map: Option<&str>) -> Result<(), ServiceError> {
        let name = check_name(name)?;
        let text = match map {
            Some(text) => Some(
                ColumnMap::parse(text)
                    .map_err(|reason| ServiceError::invalid("map", reason))?
                    .to_text(),
            ),
            None => None,
        };
        let key = format!("{PREFIX}{name}");
        self.write(Role::Admin, "change team settings", |w| {
            if text.is_none() && w.setting(&key)?.is_none() {
                return Err(ServiceError::invalid(
                    "profile",
                    t!("profile-unknown", name = name, names = "-"),
                ));
            }
            w.set_setting(&key, text.as_deref())?;
            w.audit(
                "setting.set",
                None,
                &key,
                text.as_deref().unwrap_or("(removed)"),
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::service::Service;
    use crate::store::StoreOptions;
    use crate::transfer::Kind;

    #[test]
    fn a_profile_is_saved_listed_used_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let options = StoreOptions {
            create: true,
            ..StoreOptions::default()
        };
        let service = Service::open(&dir.path().join("p.redb"), &options).unwrap();
        service
            .save_import_profile("wukong", Some("手机号码=phone, 会员编号=customer_id"))
            .unwrap();
        let profiles = service.import_profiles().unwrap();
        assert_eq!(profiles.len(), 1);
        assert_eq!(profiles[0].name, "wukong");
        assert_eq!(profiles[0].map, "手机号码=phone,会员编号=customer_id");
        let map = service.import_profile("wukong").unwrap();
        assert_eq!(
            crate::transfer::field_of(Kind::Customers, "手机号码", &map),
            Some("phone")
        );
        let err = service.import_profile("wukang").unwrap_err().to_string();
        assert!(err.contains("wukong"), "{err}");
        assert!(
            service
                .save_import_profile("bad name", Some("a=phone"))
                .is_err()
        );
        assert!(service.save_import_profile("x", Some("a=phnoe")).is_err());
        service.save_import_profile("wukong", None).unwrap();
        assert!(service.import_profiles().unwrap().is_empty());
        assert!(service.save_import_profile("wukong", None).is_err());
    }
}
