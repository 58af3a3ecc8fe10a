//! Teams a complaint can be routed to (service, finance, sales, ...), with their members: the
//! team setting `teams`, written `service: ann, bob; finance: carol; sales`.

use crate::i18n::{Lang, message_in};
use serde::{Deserialize, Serialize};

/// One team and the staff names (or OS accounts) that belong to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub name: String,
    pub members: Vec<String>,
}

/// The longest team name, in characters.
pub const TEAM_NAME_MAX: usize = 40;

/// The team names loyal ships with; they are shown in the language in use.
const KNOWN: [&str; 3] = ["service", "finance", "sales"];

impl Team {
    /// Whether `staff` (a staff name or an OS account) is a member (case-insensitive).
    pub fn has_member(&self, staff: &str) -> bool {
        let staff = staff.trim();
        !staff.is_empty() && self.members.iter().any(|m| same(m, staff))
    }

    /// The name as shown: the three names loyal ships with in the language in use, any
    /// other as configured.
    pub fn title(&self) -> String {
        team_title(&self.name)
    }
}

/// How a team name reads on screen (see [`Team::title`]).
pub fn team_title(name: &str) -> String {
    team_title_in(crate::i18n::lang(), name)
}

/// [`team_title`] in `lang`.
pub fn team_title_in(lang: Lang, name: &str) -> String {
    match KNOWN.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        Some(&"service") => message_in(lang, "team-service", &[]),
        Some(&"finance") => message_in(lang, "team-finance", &[]),
        Some(&"sales") => message_in(lang, "team-sales", &[]),
        _ => name.to_string(),
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Reads the `teams` setting: teams separated by `;` or new lines, each `name` or
/// `name: member, member`. Names are unique (case-insensitive) and may not hold `:`, `,` or
/// control characters.
pub fn parse_teams(text: &str) -> Result<Vec<Team>, String> {
    let mut teams: Vec<Team> = Vec::new();
    for part in text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (name, members) = part.split_once(':').unwrap_or((part, ""));
        let name = name.trim();
        if name.is_empty() {
            return Err(t!("team-no-name", part = format!("{part:?}")));
        }
        if name.chars().count() > TEAM_NAME_MAX || name.chars().any(|c| c.is_control() || c == ',')
        {
            return Err(t!(
                "team-bad-name",
                name = format!("{name:?}"),
                max = TEAM_NAME_MAX
            ));
        }
        if teams.iter().any(|t| same(&t.name, name)) {
            return Err(t!("team-twice", name = format!("{name:?}")));
        }
        let mut list: Vec<String> = Vec::new();
        for m in members.split(',').map(str::trim).filter(|m| !m.is_empty()) {
            if m.chars().any(char::is_control) {
                return Err(t!("team-bad-member", member = format!("{m:?}")));
            }
            if !list.iter().any(|x| same(x, m)) {
                list.push(m.to_string());
            }
        }
        teams.push(Team {
            name: name.to_string(),
            members: list,
        });
    }
    Ok(teams)
}

/// The team `wanted` names: its configured name or its title in either language, any case.
pub fn find_team<'a>(teams: &'a [Team], wanted: &str) -> Option<&'a Team> {
    let wanted = wanted.trim();
    teams.iter().find(|t| {
        same(&t.name, wanted)
            || Lang::ALL
                .iter()
                .any(|&lang| same(&team_title_in(lang, &t.name), wanted))
    })
}

/// The names of the teams `staff` belongs to.
pub fn teams_of<'a>(teams: &'a [Team], staff: &str) -> Vec<&'a str> {
    teams
        .iter()
        .filter(|t| t.has_member(staff))
        .map(|t| t.name.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_and_members() {
        let teams = parse_teams("service: Ann, bob ; finance:carol\nsales").unwrap();
        assert_eq!(teams.len(), 3);
        assert_eq!(teams[0].name, "service");
        assert_eq!(teams[0].members, ["Ann", "bob"]);
        assert!(teams[0].has_member("ann"));
        assert!(!teams[0].has_member("carol"));
        assert!(!teams[0].has_member(""));
        assert_eq!(teams[1].members, ["carol"]);
        assert!(teams[2].members.is_empty());
        assert_eq!(teams_of(&teams, "CAROL"), ["finance"]);
        assert!(parse_teams("").unwrap().is_empty());
    }

    #[test]
    fn refuses_what_cannot_be_told_apart() {
        assert!(parse_teams("service; Service").is_err());
        assert!(parse_teams(": ann").is_err());
        assert!(parse_teams(&"x".repeat(TEAM_NAME_MAX + 1)).is_err());
        assert!(parse_teams("a\u{7}b").is_err());
        assert!(parse_teams("finance: a\u{1b}b").is_err());
        // A member named twice counts once.
        assert_eq!(parse_teams("sales: dan, Dan").unwrap()[0].members, ["dan"]);
    }

    #[test]
    fn finds_a_team_by_name_or_title() {
        let teams = parse_teams("service; finance; 物流").unwrap();
        assert_eq!(find_team(&teams, "FINANCE").unwrap().name, "finance");
        assert_eq!(find_team(&teams, "财务").unwrap().name, "finance");
        assert_eq!(find_team(&teams, " 物流 ").unwrap().name, "物流");
        assert!(find_team(&teams, "sales").is_none());
    }
}
