//! Named enumerations shared by several records (contact channels), and the macro that gives
//! every such enumeration one spelling for files, screens and the command line.

/// A word that does not name any value of a labelled enumeration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", t!("label-unknown", what = *what, given = format!("{given:?}"), expected = expected))]
pub struct LabelError {
    pub what: &'static str,
    pub given: String,
    pub expected: String,
}

/// Declares an enum whose values have a fixed lowercase label (used in CSV, JSON and the CLI),
/// optional extra spellings accepted on input, and `ALL` in display order.
macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident as $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $label:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $( $(#[$vmeta])* $variant ),+ }

        // Stored (postcard): the variant's index, exactly as a derive writes it. JSON: the
        // label (`stay_in_touch`), and any spelling `FromStr` takes when read.
        const _: () = {
            #[derive(serde::Serialize, serde::Deserialize)]
            enum Stored { $( $variant ),+ }

            impl serde::Serialize for $name {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    if s.is_human_readable() {
                        s.serialize_str(self.label())
                    } else {
                        serde::Serialize::serialize(
                            &match self { $($name::$variant => Stored::$variant),+ },
                            s,
                        )
                    }
                }
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    if d.is_human_readable() {
                        let text = <String as serde::Deserialize>::deserialize(d)?;
                        text.parse().map_err(serde::de::Error::custom)
                    } else {
                        Ok(match <Stored as serde::Deserialize>::deserialize(d)? {
                            $(Stored::$variant => $name::$variant),+
                        })
                    }
                }
            }
        };

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical label, as written to files and typed on the command line.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value whose canonical label is exactly `text` (no aliases, no titles):
            /// for reading back what loyal itself wrote.
            pub fn from_label(text: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.label() == text)
            }

            /// The words a person reads, in the language in use (`stay in touch` or 保持联系
            /// for `stay_in_touch`): what every screen and human-readable output shows, never
            /// the machine label. Typing it back, in either language, is accepted too.
            pub fn title(self) -> &'static str {
                static TITLES: [std::sync::OnceLock<Vec<&'static str>>; 2] =
                    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
                let lang = $crate::i18n::lang();
                let titles = TITLES[lang.index()].get_or_init(|| {
                    Self::ALL
                        .iter()
                        .map(|v| -> &'static str {
                            Box::leak(v.title_in(lang).into_boxed_str())
                        })
                        .collect()
                });
                Self::ALL
                    .iter()
                    .position(|v| *v == self)
                    .and_then(|i| titles.get(i).copied())
                    .unwrap_or(self.label())
            }

            /// The title in `lang`.
            pub fn title_in(self, lang: $crate::i18n::Lang) -> String {
                $crate::i18n::message_in(lang, &self.title_id(), &[])
            }

            /// The catalogue id of the title: `channel-phone`, `care-purpose-stay_in_touch`.
            pub fn title_id(self) -> String {
                format!("{}-{}", $crate::i18n::slug($what), $crate::i18n::slug(self.label()))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::LabelError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // Spellings and titles are worked out once: an import reads a label per row.
                fn folded(text: &str) -> String {
                    text.trim().chars()
                        .filter(|c| !matches!(c, ' ' | '_' | '-'))
                        .flat_map(char::to_lowercase)
                        .collect()
                }
                static SPELLINGS: std::sync::OnceLock<Vec<(String, $name)>> =
                    std::sync::OnceLock::new();
                let wanted = folded(s);
                let spellings = SPELLINGS.get_or_init(|| {
                    let mut all = Vec::new();
                    $(
                        for spelling in [$label $(, $alias)*] {
                            all.push((folded(spelling), $name::$variant));
                        }
                    )+
                    all
                });
                if let Some((_, v)) = spellings.iter().find(|(spelling, _)| *spelling == wanted) {
                    return Ok(*v);
                }
                // A title, as the screens show it, in either language.
                static TITLES: [std::sync::OnceLock<Vec<String>>; 2] =
                    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
                let typed = s.trim();
                for lang in $crate::i18n::Lang::ALL {
                    let titles = TITLES[lang.index()]
                        .get_or_init(|| Self::ALL.iter().map(|v| v.title_in(lang)).collect());
                    if let Some(i) = titles.iter().position(|t| t.eq_ignore_ascii_case(typed)) {
                        return Ok(Self::ALL[i]);
                    }
                }
                Err($crate::domain::LabelError {
                    what: $what,
                    given: s.to_string(),
                    expected: [$($label),+].join(", "),
                })
            }
        }
    };
}
pub(crate) use labelled_enum;

labelled_enum! {
    /// How a contact happened or how a customer prefers to be reached.
    pub enum Channel as "channel" {
        Phone = "phone" | "call" | "tel" | "手机" | "电话联系" | "来电",
        Email = "email" | "mail" | "邮箱" | "电子邮件" | "电邮",
        Visit = "visit" | "meeting" | "上门" | "面谈" | "到店" | "拜访客户",
        Sms = "sms" | "text" | "短消息",
        Chat = "chat" | "wechat" | "im" | "微信" | "企业微信" | "qq" | "钉钉" | "聊天",
        Web = "web" | "webform" | "form" | "官网" | "网站" | "网店",
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_case_and_aliases() {
        assert_eq!("WeChat".parse::<Channel>(), Ok(Channel::Chat));
        assert_eq!(" phone ".parse::<Channel>(), Ok(Channel::Phone));
        assert_eq!("web-form".parse::<Channel>(), Ok(Channel::Web));
        let err = "pigeon".parse::<Channel>().unwrap_err();
        assert!(
            err.to_string().contains("unknown channel \"pigeon\""),
            "{err}"
        );
        for c in Channel::ALL {
            assert_eq!(c.label().parse::<Channel>(), Ok(*c));
        }
    }
}
