//! A trust fund's contributions and expenditures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;

/// Contributions to and expenditures of a trust fund.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrustFund {
    /// True when the figures are invented for an example.
    #[serde(default)]
    pub illustrative: bool,
    /// The fund's name, per language.
    pub name: Text,
    /// ISO 4217 currency code of all amounts, e.g. `USD`.
    pub currency: String,
    /// Contributions received.
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    /// Expenditures charged to the fund.
    #[serde(default)]
    pub expenditures: Vec<Expenditure>,
}

/// A contribution by one donor in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The donor, per language ("Allemagne" / "Germany").
    pub donor: Text,
    /// The calendar year of receipt.
    pub year: i32,
    /// The amount in whole units of the fund's currency.
    pub amount: u64,
}

/// An expenditure in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expenditure {
    /// What the money went to, per language.
    pub purpose: Text,
    /// The calendar year.
    pub year: i32,
    /// The amount in whole units of the fund's currency.
    pub amount: u64,
}

impl TrustFund {
    /// The years with a contribution or an expenditure, ascending.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .contributions
            .iter()
            .map(|c| c.year)
            .chain(self.expenditures.iter().map(|e| e.year))
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The sum of all contributions.
    pub fn total_contributions(&self) -> u64 {
        self.contributions.iter().map(|c| c.amount).sum()
    }

    /// The sum of all expenditures.
    pub fn total_expenditures(&self) -> u64 {
        self.expenditures.iter().map(|e| e.amount).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_sums() {
        let fund = TrustFund {
            illustrative: true,
            name: "F".into(),
            currency: "USD".into(),
            contributions: vec![
                Contribution {
                    donor: "A".into(),
                    year: 2016,
                    amount: 100,
                },
                Contribution {
                    donor: "B".into(),
                    year: 2015,
                    amount: 250,
                },
            ],
            expenditures: vec![Expenditure {
                purpose: "x".into(),
                year: 2017,
                amount: 40,
            }],
        };
        assert_eq!(fund.total_contributions(), 350);
        assert_eq!(fund.total_expenditures(), 40);
        assert_eq!(fund.years(), vec![2015, 2016, 2017]);
    }
}
