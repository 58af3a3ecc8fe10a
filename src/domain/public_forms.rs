//! Two forms of every value: compact in the database file (postcard, which is not
//! human-readable), and in JSON (human-readable) the public form the CSV files use too:
//! amounts as decimal strings (`"213.33"`), instants as RFC 3339 (`2026-12-01T08:00:00Z`),
//! labels (`stay_in_touch`), customers by external id (`C-000233`). serde tells the two apart
//! with `is_human_readable`, so the stored layout is unchanged.

use super::{CustomerId, Millis, Money};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            s.serialize_newtype_struct("Money", &self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename = "Money")]
        struct Stored(i64);
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Public {
            Text(String),
            Number(serde_json::Number),
        }
        if d.is_human_readable() {
            let text = match Public::deserialize(d)? {
                Public::Text(text) => text,
                Public::Number(n) => n.to_string(),
            };
            text.parse().map_err(serde::de::Error::custom)
        } else {
            Stored::deserialize(d).map(|s| Money(s.0))
        }
    }
}

/// `#[serde(with = "instant")]` on a [`Millis`]: RFC 3339 in JSON, milliseconds when stored.
pub mod instant {
    use super::*;

    pub fn serialize<S: Serializer>(at: &Millis, s: S) -> Result<S::Ok, S::Error> {
        match chrono::DateTime::from_timestamp_millis(*at) {
            Some(_) if s.is_human_readable() => s.serialize_str(&rfc3339(*at)),
            _ => s.serialize_i64(*at),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Millis, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum At {
            Millis(i64),
            Text(String),
        }
        if d.is_human_readable() {
            match At::deserialize(d)? {
                At::Millis(ms) => Ok(ms),
                At::Text(text) => chrono::DateTime::parse_from_rfc3339(&text)
                    .map(|t| t.timestamp_millis())
                    .map_err(serde::de::Error::custom),
            }
        } else {
            i64::deserialize(d)
        }
    }
}

/// `#[serde(with = "instant_opt")]` on an `Option<Millis>`.
pub mod instant_opt {
    use super::*;

    pub fn serialize<S: Serializer>(at: &Option<Millis>, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wrapped(#[serde(with = "super::instant")] Millis);
        match at {
            Some(at) => s.serialize_some(&Wrapped(*at)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Millis>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::instant")] Millis);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

/// An instant as the CSV files write it: whole seconds when there are no milliseconds.
pub fn rfc3339(at: Millis) -> String {
    use chrono::SecondsFormat;
    match chrono::DateTime::from_timestamp_millis(at) {
        Some(t) if at % 1000 == 0 => t.to_rfc3339_opts(SecondsFormat::Secs, true),
        Some(t) => t.to_rfc3339_opts(SecondsFormat::Millis, true),
        None => at.to_string(),
    }
}

type Names = Box<dyn Fn(CustomerId) -> Option<String>>;

thread_local! {
    static EXTERNAL_IDS: RefCell<Option<Names>> = const { RefCell::new(None) };
}

/// Runs `f` with `names` giving each customer's external id to JSON written meanwhile on this
/// thread (see [`customer_ref`]); without it a customer is written as `#233`.
pub fn with_external_ids<T>(
    names: impl Fn(CustomerId) -> Option<String> + 'static,
    f: impl FnOnce() -> T,
) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            EXTERNAL_IDS.with(|n| n.borrow_mut().take());
        }
    }
    EXTERNAL_IDS.with(|n| *n.borrow_mut() = Some(Box::new(names)));
    let _reset = Reset;
    f()
}

/// The external id for JSON written under [`with_external_ids`]: `Some("C-000233")`, or
/// `Some("#233")` for a number it does not know; `None` outside it (the number is written,
/// so that the service's own JSON, which crosses process boundaries, reads back).
fn external_id(id: CustomerId) -> Option<String> {
    EXTERNAL_IDS.with(|n| {
        n.borrow()
            .as_ref()
            .map(|names| names(id).unwrap_or_else(|| format!("#{id}")))
    })
}

/// A customer number read back from JSON: `233` or `"#233"`.
fn read_key<'de, D: Deserializer<'de>>(d: D) -> Result<CustomerId, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Key {
        Number(u64),
        Text(String),
    }
    match Key::deserialize(d)? {
        Key::Number(n) => Ok(n),
        Key::Text(text) => text
            .strip_prefix('#')
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| {
                serde::de::Error::custom(format!("{text:?} is not a customer key like #233"))
            }),
    }
}

/// `#[serde(with = "customer_ref")]` on a [`CustomerId`]: the external id in JSON (`C-000233`),
/// the internal number when stored. JSON is never read back into one.
pub mod customer_ref {
    use super::*;

    pub fn serialize<S: Serializer>(id: &CustomerId, s: S) -> Result<S::Ok, S::Error> {
        match external_id(*id) {
            Some(name) if s.is_human_readable() => s.serialize_str(&name),
            _ => s.serialize_u64(*id),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CustomerId, D::Error> {
        if d.is_human_readable() {
            read_key(d)
        } else {
            u64::deserialize(d)
        }
    }
}

/// `#[serde(with = "internal_key")]` on a customer file's own [`CustomerId`]: `#233` in JSON,
/// the key the command line takes for it (its external id is beside it).
pub mod internal_key {
    use super::*;

    pub fn serialize<S: Serializer>(id: &CustomerId, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(&format_args!("#{id}"))
        } else {
            s.serialize_u64(*id)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CustomerId, D::Error> {
        if d.is_human_readable() {
            read_key(d)
        } else {
            u64::deserialize(d)
        }
    }
}

/// `#[serde(with = "customer_ref_opt")]` on an `Option<CustomerId>`.
pub mod customer_ref_opt {
    use super::*;

    pub fn serialize<S: Serializer>(id: &Option<CustomerId>, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wrapped(#[serde(with = "super::customer_ref")] CustomerId);
        match id {
            Some(id) => s.serialize_some(&Wrapped(*id)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CustomerId>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::customer_ref")] CustomerId);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        amount: Money,
        #[serde(with = "instant")]
        at: Millis,
        #[serde(with = "instant_opt")]
        done: Option<Millis>,
        #[serde(with = "customer_ref")]
        customer: CustomerId,
        #[serde(with = "customer_ref_opt")]
        referred_by: Option<CustomerId>,
        purpose: super::super::CarePurpose,
    }

    fn record() -> Record {
        Record {
            amount: Money(21_333),
            at: 1_764_576_000_000,
            done: Some(1_764_576_000_250),
            customer: 233,
            referred_by: Some(7),
            purpose: super::super::CarePurpose::StayInTouch,
        }
    }

    #[test]
    fn json_has_the_public_forms() {
        let json = with_external_ids(
            |id| (id == 233).then(|| String::from("C-000233")),
            || serde_json::to_value(record()),
        )
        .expect("json");
        assert_eq!(
            json,
            serde_json::json!({
                "amount": "213.33",
                "at": "2025-12-01T08:00:00Z",
                "done": "2025-12-01T08:00:00.250Z",
                "customer": "C-000233",
                "referred_by": "#7",
                "purpose": "stay_in_touch",
            })
        );
        // A number the names do not know is its key as the command line takes it.
        let json = with_external_ids(|_| None, || serde_json::to_value(record())).expect("json");
        assert_eq!(json["customer"], "#233");
        // Outside them (the service's own JSON) the number, which reads back.
        let json = serde_json::to_string(&record()).expect("json");
        let back: Record = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, record());
    }

    #[test]
    fn the_stored_form_is_what_derive_wrote() {
        // The layout of files written before these forms: plain derives.
        #[derive(Serialize)]
        struct Before {
            amount: i64,
            at: i64,
            done: Option<i64>,
            customer: u64,
            referred_by: Option<u64>,
            purpose: u32,
        }
        let before = postcard::to_stdvec(&Before {
            amount: 21_333,
            at: 1_764_576_000_000,
            done: Some(1_764_576_000_250),
            customer: 233,
            referred_by: Some(7),
            purpose: 5,
        })
        .expect("postcard");
        // A unit variant is its index as a varint: `StayInTouch` is the sixth care purpose.
        let now = postcard::to_stdvec(&record()).expect("postcard");
        assert_eq!(now, before);
        let back: Record = postcard::from_bytes(&now).expect("read back");
        assert_eq!(back, record());
    }
}
