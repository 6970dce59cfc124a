//! JSON Schemas of the data files, for editors and validators.

use schemars::schema_for;
use serde_json::json;

use crate::model::{Progress, Report, Resolution, StatusFile, TrustFund};

/// One JSON document holding the schema of each kind of data file.
pub fn all() -> serde_json::Value {
    json!({
        "$comment": "JSON Schemas of resolute's data files, by file name. Files may be YAML, JSON or TOML.",
        "resolution": schema_for!(Resolution),
        "progress": schema_for!(Progress),
        "statuses": schema_for!(StatusFile),
        "trust-fund": schema_for!(TrustFund),
        "report.<lang>": schema_for!(Report),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn schemas_list_the_fields() {
        let s = super::all();
        let props = &s["resolution"]["properties"];
        for field in [
            "organ",
            "number",
            "preamble",
            "operative",
            "footnotes",
            "meeting",
        ] {
            assert!(props.get(field).is_some(), "missing {field}");
        }
        assert_eq!(s["progress"]["additionalProperties"], false);
        assert!(s["report.<lang>"]["properties"]["paper"].is_object());
        assert!(s["statuses"]["properties"]["statuses"].is_object());
        assert!(s["progress"]["properties"]["statuses"].is_object());
    }
}
