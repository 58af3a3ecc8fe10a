//! The points ledger's recorded movements: what staff did by hand (a redemption, a grant).
//! What orders earn, what refunds take back, bonuses and expiry are not recorded: they follow
//! from the orders and the rules whenever a balance is asked for (see `scoring::points`), so
//! an order imported twice, changed, rolled back or merged is counted exactly once.

use super::Millis;
use super::customer::CustomerId;
use serde::{Deserialize, Serialize};

/// A movement staff recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointsKind {
    /// Points given by hand, with a reason (a goodwill gesture, a correction).
    Granted,
    /// Points spent by the customer.
    Redeemed,
}

impl PointsKind {
    pub fn label(self) -> &'static str {
        match self {
            PointsKind::Granted => "granted",
            PointsKind::Redeemed => "redeemed",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PointsKind::Granted => ts!("points-kind-granted"),
            PointsKind::Redeemed => ts!("points-kind-redeemed"),
        }
    }
}

impl std::str::FromStr for PointsKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "granted" | "grant" | "赠送" => Ok(PointsKind::Granted),
            "redeemed" | "redeem" | "兑换" => Ok(PointsKind::Redeemed),
            other => Err(t!("points-kind-bad", value = format!("{other:?}"))),
        }
    }
}

/// One recorded movement of a customer's points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsEntry {
    /// `PT-000001`; the key a re-import matches on.
    pub id: String,
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    #[serde(with = "crate::domain::instant")]
    pub at: Millis,
    pub kind: PointsKind,
    /// Always positive; the kind says which way.
    pub points: i64,
    pub reason: String,
    pub staff: String,
}

impl PointsEntry {
    /// The entry's effect on the balance.
    pub fn signed(&self) -> i64 {
        match self.kind {
            PointsKind::Granted => self.points,
            PointsKind::Redeemed => -self.points,
        }
    }
}
