//! High-influence customers (opinion leaders: teachers, journalists, managers, community
//! leaders): what kind of influence a customer carries, noted by staff.

use super::Millis;
use super::labels::labelled_enum;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// Why a customer's word carries weight with others.
    pub enum InfluenceKind as "influence" {
        Teacher = "teacher" | "老师" | "教师",
        Journalist = "journalist" | "记者" | "媒体",
        Manager = "manager" | "经理" | "管理者",
        CommunityLeader = "community_leader" | "community leader" | "community" | "社区领袖" | "社区",
        Other = "other" | "其他",
    }
}

/// The influence one customer carries, and who noted it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Influence {
    pub kind: InfluenceKind,
    pub note: String,
    pub set_by: String,
    #[serde(with = "crate::domain::instant")]
    pub set_at: Millis,
}

/// The longest note, in characters.
pub const INFLUENCE_NOTE_MAX: usize = 500;
