//! Tests of [`super`].

use super::*;

fn cards(text: &str) -> Result<Vec<RawRow>, RowError> {
    let mut rows = Vec::new();
    scan_vcards(text.as_bytes(), |row| -> Result<(), RowError> {
        rows.push(row);
        Ok(())
    })?;
    Ok(rows)
}

#[test]
fn the_rfc_6350_example_reads_as_a_customer() {
    // RFC 6350, section 8 (folded as the RFC folds it).
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Simon Perreault\r\nN:Perreault;Simon;;;ing. jr,M.Sc.\r\nBDAY:--0203\r\nANNIVERSARY:20090808T1430-0500\r\nGENDER:M\r\nLANG;PREF=1:fr\r\nLANG;PREF=2:en\r\nORG;TYPE=work:Viagenie\r\nADR;TYPE=work:;Suite D2-630;2875 Laurier;\r\n Quebec;QC;G1V 2M2;Canada\r\nTEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+1-418-656-9254;ext=102\r\nTEL;VALUE=uri;TYPE=\"work,cell,voice,video,text\":tel:+1-418-262-6501\r\nEMAIL;TYPE=work:simon.perreault@viagenie.ca\r\nGEO;TYPE=work:geo:46.772673,-71.282945\r\nKEY;TYPE=work;VALUE=uri:\r\n http://www.viagenie.ca/simon.perreault/simon.asc\r\nTZ:-0500\r\nURL;TYPE=home:http://nomis80.org\r\nEND:VCARD\r\n";
    let rows = cards(text).unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.line, 1);
    assert_eq!(row.get("name"), Some("Simon Perreault"));
    assert_eq!(row.get("company"), Some("Viagenie"));
    assert_eq!(row.get("city"), Some("Quebec"));
    assert_eq!(
        row.get("address"),
        Some("2875 Laurier, Suite D2-630, QC, G1V 2M2, Canada")
    );
    assert_eq!(
        row.get("phone"),
        Some("+1-418-656-9254;ext=102; +1-418-262-6501")
    );
    assert_eq!(row.get("email"), Some("simon.perreault@viagenie.ca"));
    assert_eq!(row.get("gender"), Some("male"));
    // No year: nothing to store, and the stored birthday is left alone.
    assert_eq!(row.get("birthday"), None);
    assert!(row.get("customer_id").unwrap().starts_with("vcard-"));
}

#[test]
fn version_2_1_quoted_printable_and_chinese_names_from_n() {
    let text = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=\n=89;;;\nTEL;CELL:13900000001\nNOTE;ENCODING=QUOTED-PRINTABLE:likes =\ngreen tea\nEND:VCARD\n";
    let rows = cards(text).unwrap();
    assert_eq!(rows[0].get("name"), Some("张三"));
    assert_eq!(rows[0].get("phone"), Some("13900000001"));
    assert_eq!(rows[0].get("interests"), Some("likes green tea"));
}

#[test]
fn the_same_card_gets_the_same_id_and_a_broken_file_names_its_line() {
    let card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nTEL:555\nEND:VCARD\n";
    let twice = format!("{card}{card}");
    let rows = cards(&twice).unwrap();
    assert_eq!(rows[0].get("customer_id"), rows[1].get("customer_id"));
    assert_eq!(rows[1].line, 6);
    let err = cards("BEGIN:VCARD\nFN:Ann\n").unwrap_err();
    assert_eq!(err.line, 1);
    let err = cards("FN:Ann\n").unwrap_err();
    assert_eq!(err.line, 1);
    let err = cards("BEGIN:VCARD\nFN:Ann\nthis is not a property\nEND:VCARD\n").unwrap_err();
    assert_eq!(err.line, 3);
}

#[test]
fn written_cards_fold_escape_and_read_back() {
    #[derive(Serialize)]
    struct Row {
        customer_id: &'static str,
        name: &'static str,
        phone: &'static str,
        city: &'static str,
        address: &'static str,
        tags: &'static str,
        interests: &'static str,
    }
    let long = "茶, 咖啡; 还有很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多";
    let rows = std::iter::once(Ok(Row {
        customer_id: "C1",
        name: "张三",
        phone: "139; 138",
        city: "北京",
        address: "朝阳区1号",
        tags: "vip; 茶",
        interests: long,
    }));
    let mut out = Vec::new();
    write_vcards(&mut out, rows).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().all(|l| l.len() <= 77), "{text}");
    let back = cards(&text).unwrap();
    assert_eq!(back[0].get("customer_id"), Some("C1"));
    assert_eq!(back[0].get("phone"), Some("139; 138"));
    assert_eq!(back[0].get("tags"), Some("vip; 茶"));
    assert_eq!(back[0].get("interests"), Some(long));
    assert_eq!(back[0].get("city"), Some("北京"));
    assert_eq!(back[0].get("address"), Some("朝阳区1号"));
}
