//! Text encodings of import and export files: what a file is written in (a byte-order mark,
//! else valid UTF-8, else the best guess of a detector among the legacy encodings: GBK and
//! GB18030 from Chinese Windows, Big5), a reader that turns it into UTF-8 as it streams and
//! stops at the first byte the encoding does not allow (naming its line), and a writer that
//! turns UTF-8 into the encoding a spreadsheet on the user's machine expects.

use encoding_rs::{DecoderResult, EncoderResult, Encoding};
use std::io::{self, Read, Write};

/// How many bytes of a file that is not UTF-8 the detector looks at.
const DETECT_BYTES: usize = 4 << 20;

/// A file's encoding and how it was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEncoding {
    encoding: &'static Encoding,
    /// Bytes of byte-order mark at the start of the file (skipped).
    bom: usize,
    pub how: Settled,
}

/// How an encoding was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Settled {
    /// `--encoding`.
    Given,
    /// A byte-order mark.
    Bom,
    /// Every byte is valid UTF-8.
    Valid,
    /// The detector's best guess.
    Guessed,
}

impl TextEncoding {
    pub const UTF8: TextEncoding = TextEncoding {
        encoding: encoding_rs::UTF_8,
        bom: 0,
        how: Settled::Valid,
    };

    /// The encoding named `label` (`gbk`, `gb18030`, `big5`, `utf-16le`, `utf-8`, any WHATWG
    /// label), as given by the user.
    pub fn named(label: &str) -> Option<TextEncoding> {
        let encoding = match label.trim().to_ascii_lowercase().as_str() {
            // WHATWG's `utf-16` is little-endian; a person who writes it means "with a BOM".
            "utf-16" | "utf16" | "unicode" => encoding_rs::UTF_16LE,
            "utf8" => encoding_rs::UTF_8,
            other => Encoding::for_label(other.as_bytes())?,
        };
        // `replacement` (what WHATWG maps some dangerous labels to) decodes nothing.
        if encoding == encoding_rs::REPLACEMENT {
            return None;
        }
        Some(TextEncoding {
            encoding,
            bom: 0,
            how: Settled::Given,
        })
    }

    /// The name people know it by: `UTF-8`, `GBK`, `Big5`, `UTF-16LE`.
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }

    pub fn is_utf8(&self) -> bool {
        self.encoding == encoding_rs::UTF_8
    }

    /// Settles the encoding of the file at `path` (see the module documentation); a given
    /// encoding still has its byte-order mark skipped when the file starts with one of it.
    pub fn of_file(
        path: &std::path::Path,
        given: Option<TextEncoding>,
    ) -> io::Result<TextEncoding> {
        let mut file = std::fs::File::open(path)?;
        let mut start = [0u8; 3];
        let mut got = 0;
        while got < start.len() {
            match file.read(&mut start[got..])? {
                0 => break,
                n => got += n,
            }
        }
        let bom = Encoding::for_bom(&start[..got]);
        if let Some(mut given) = given {
            if let Some((encoding, len)) = bom
                && encoding == given.encoding
            {
                given.bom = len;
            }
            return Ok(given);
        }
        if let Some((encoding, len)) = bom {
            return Ok(TextEncoding {
                encoding,
                bom: len,
                how: Settled::Bom,
            });
        }
        let file = std::fs::File::open(path)?;
        let Some(not_utf8) = first_bad_utf8(file)? else {
            return Ok(TextEncoding::UTF8);
        };
        let mut sample = Vec::with_capacity(DETECT_BYTES.min(1 << 20));
        std::fs::File::open(path)?
            .take(DETECT_BYTES as u64)
            .read_to_end(&mut sample)?;
        let whole = sample.len() < DETECT_BYTES;
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(&sample, whole);
        let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
        // Only the encodings a Chinese team's files come in are guessed (a detector finds
        // some single-byte encoding in any bytes at all); the guess first, when it is one.
        let mut candidates = GUESSED.to_vec();
        if let Some(at) = candidates.iter().position(|c| *c == guess) {
            candidates.swap(0, at);
        }
        match candidates
            .into_iter()
            .find(|c| first_bad(c, &sample, whole).is_none())
        {
            Some(encoding) => Ok(TextEncoding {
                encoding,
                bom: 0,
                how: Settled::Guessed,
            }),
            None => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                DecodeError {
                    line: not_utf8.0,
                    byte: not_utf8.1,
                    encoding: "UTF-8, GBK, GB18030, Big5",
                },
            )),
        }
    }

    /// `input` as UTF-8: as it is when it is UTF-8 without a mark (the CSV reader checks it),
    /// else decoded as it is read.
    pub fn reader<'a, R: Read + 'a>(&self, mut input: R) -> io::Result<Box<dyn Read + 'a>> {
        if self.bom > 0 {
            io::copy(&mut (&mut input).take(self.bom as u64), &mut io::sink())?;
        }
        if self.is_utf8() && self.bom == 0 {
            return Ok(Box::new(input));
        }
        Ok(Box::new(Decoding::new(input, *self)))
    }
}

/// The encodings tried, in this order, on a file that is not UTF-8 and has no mark. GB18030
/// reads every GBK file (GBK is its two-byte part) and is named GBK when the detector says so.
const GUESSED: [&Encoding; 3] = [encoding_rs::GBK, encoding_rs::GB18030, encoding_rs::BIG5];

/// The line and value of the first byte of `input` that is not UTF-8, read in blocks (a
/// character may straddle two); `None` when it is all UTF-8.
fn first_bad_utf8(mut input: impl Read) -> io::Result<Option<(u64, u8)>> {
    let mut buf = vec![0u8; 1 << 16];
    let mut carried = 0;
    let mut newlines = 0u64;
    loop {
        let n = input.read(&mut buf[carried..])?;
        let filled = carried + n;
        match std::str::from_utf8(&buf[..filled]) {
            Ok(_) if n == 0 => return Ok(None),
            Ok(_) => {
                newlines += memchr::memchr_iter(b'\n', &buf[..filled]).count() as u64;
                carried = 0;
            }
            // A character cut off at the end of the block: carried into the next.
            Err(e) if e.error_len().is_none() && n > 0 => {
                let valid = e.valid_up_to();
                newlines += memchr::memchr_iter(b'\n', &buf[..valid]).count() as u64;
                buf.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                newlines += memchr::memchr_iter(b'\n', &buf[..valid]).count() as u64;
                return Ok(Some((newlines + 1, buf[valid])));
            }
        }
    }
}

/// The line of the first byte of `bytes` that `encoding` does not allow (`last`: nothing
/// follows them, so a character cut off at the end is bad too).
fn first_bad(encoding: &'static Encoding, bytes: &[u8], last: bool) -> Option<u64> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 1 << 16];
    let mut rest = bytes;
    let mut newlines = 0u64;
    loop {
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(rest, &mut out, last);
        newlines += memchr::memchr_iter(b'\n', &out[..written]).count() as u64;
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return None,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(..) => return Some(newlines + 1),
        }
    }
}

/// A byte the file's encoding does not allow, on `line` (counted in the decoded text).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", t!("file-bad-byte", byte = format!("0x{:02X}", self.byte), encoding = self.encoding))]
pub struct DecodeError {
    pub line: u64,
    pub byte: u8,
    pub encoding: &'static str,
}

impl DecodeError {
    /// The decode error an I/O error carries, if it is one.
    pub fn of(error: &io::Error) -> Option<&DecodeError> {
        error.get_ref()?.downcast_ref::<DecodeError>()
    }
}

/// Decodes `inner` to UTF-8 as it is read, without replacing what cannot be decoded.
struct Decoding<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    name: &'static str,
    input: Vec<u8>,
    /// The undecoded bytes: `input[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    output: Vec<u8>,
    /// The decoded bytes not handed out yet: `output[out_start..out_end]`.
    out_start: usize,
    out_end: usize,
    /// Line breaks decoded so far, for the line of a bad byte.
    newlines: u64,
}

impl<R: Read> Decoding<R> {
    fn new(inner: R, encoding: TextEncoding) -> Self {
        Decoding {
            inner,
            decoder: encoding.encoding.new_decoder_without_bom_handling(),
            name: encoding.name(),
            input: vec![0; 1 << 16],
            start: 0,
            end: 0,
            eof: false,
            output: vec![0; 3 << 16],
            out_start: 0,
            out_end: 0,
            newlines: 0,
        }
    }

    /// Decodes the next block into `output`; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        loop {
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.inner.read(&mut self.input)?;
                self.eof = self.end == 0;
            }
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input[self.start..self.end],
                &mut self.output,
                self.eof,
            );
            let bad_at = self.start + read;
            self.start += read;
            self.out_start = 0;
            self.out_end = written;
            self.newlines += memchr::memchr_iter(b'\n', &self.output[..written]).count() as u64;
            if let DecoderResult::Malformed(len, after) = result {
                let at = bad_at.saturating_sub(usize::from(after) + usize::from(len));
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    DecodeError {
                        line: self.newlines + 1,
                        byte: self.input.get(at).copied().unwrap_or(0),
                        encoding: self.name,
                    },
                ));
            }
            if written > 0 {
                return Ok(true);
            }
            if self.eof && matches!(result, DecoderResult::InputEmpty) {
                return Ok(false);
            }
        }
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_start == self.out_end && !self.fill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out_end - self.out_start);
        buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

/// Where an export goes and in what: UTF-8 (optionally with a mark, which Excel needs to see
/// it), or an encoding a spreadsheet on a Chinese machine opens directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputEncoding {
    encoding: &'static Encoding,
    pub bom: bool,
}

impl OutputEncoding {
    pub const UTF8: OutputEncoding = OutputEncoding {
        encoding: encoding_rs::UTF_8,
        bom: false,
    };

    /// The output encoding for `--encoding LABEL` and `--bom`.
    pub fn new(label: Option<&str>, bom: bool) -> Option<OutputEncoding> {
        let encoding = match label {
            Some(label) => TextEncoding::named(label)?.encoding,
            None => encoding_rs::UTF_8,
        };
        Some(OutputEncoding { encoding, bom })
    }

    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }

    /// A writer that encodes UTF-8 written to it into `out`; a character the encoding cannot
    /// hold fails the write, naming it (nothing is replaced).
    pub fn writer<'a, W: Write + 'a>(&self, mut out: W) -> io::Result<Box<dyn Write + 'a>> {
        let utf16 = if self.encoding == encoding_rs::UTF_16LE {
            Some(false)
        } else if self.encoding == encoding_rs::UTF_16BE {
            Some(true)
        } else {
            None
        };
        if self.bom || utf16.is_some() {
            match utf16 {
                Some(false) => out.write_all(&[0xFF, 0xFE])?,
                Some(true) => out.write_all(&[0xFE, 0xFF])?,
                None if self.encoding == encoding_rs::UTF_8 => {
                    out.write_all(&[0xEF, 0xBB, 0xBF])?
                }
                None => {}
            }
        }
        if self.encoding == encoding_rs::UTF_8 {
            return Ok(Box::new(out));
        }
        Ok(Box::new(EncodingWriter {
            out,
            utf16,
            encoder: self.encoding.new_encoder(),
            name: self.encoding.name(),
            pending: Vec::new(),
            buf: vec![0; 1 << 16],
        }))
    }
}

/// Encodes UTF-8 text into `out` (see [`OutputEncoding::writer`]).
struct EncodingWriter<W> {
    out: W,
    /// UTF-16, big-endian or not (`encoding_rs` encodes only to legacy encodings and UTF-8).
    utf16: Option<bool>,
    encoder: encoding_rs::Encoder,
    name: &'static str,
    /// The start of a character cut off at the end of the last write.
    pending: Vec<u8>,
    buf: Vec<u8>,
}

impl<W: Write> EncodingWriter<W> {
    fn encode(&mut self, text: &str) -> io::Result<()> {
        if let Some(big_endian) = self.utf16 {
            for unit in text.encode_utf16() {
                let bytes = if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                self.out.write_all(&bytes)?;
            }
            return Ok(());
        }
        let mut rest = text;
        loop {
            let (result, read, written) =
                self.encoder
                    .encode_from_utf8_without_replacement(rest, &mut self.buf, false);
            self.out.write_all(&self.buf[..written])?;
            rest = &rest[read..];
            match result {
                EncoderResult::InputEmpty => return Ok(()),
                EncoderResult::OutputFull => {}
                EncoderResult::Unmappable(c) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        t!(
                            "file-unmappable",
                            character = c.to_string(),
                            encoding = self.name
                        ),
                    ));
                }
            }
        }
    }
}

impl<W: Write> Write for EncodingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let pending = std::mem::take(&mut self.pending);
        let (text, rest) = match std::str::from_utf8(&pending) {
            Ok(text) => (text, &[][..]),
            Err(e) if e.error_len().is_none() => {
                let (valid, rest) = pending.split_at(e.valid_up_to());
                // Valid by construction: up to `valid_up_to`.
                (std::str::from_utf8(valid).unwrap_or_default(), rest)
            }
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    t!("file-not-utf8"),
                ));
            }
        };
        let result = self.encode(text);
        self.pending = rest.to_vec();
        result.map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8], encoding: &str) -> io::Result<String> {
        let encoding = TextEncoding::named(encoding).unwrap();
        let mut out = String::new();
        // One byte at a time: where the reads split must not matter.
        let trickle = bytes.chunks(1).flatten().copied().collect::<Vec<_>>();
        encoding
            .reader(io::BufReader::with_capacity(1, &trickle[..]))?
            .read_to_string(&mut out)?;
        Ok(out)
    }

    fn write_file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(bytes).unwrap();
        file
    }

    #[test]
    fn gbk_decodes_and_a_bad_byte_names_its_line() {
        let (gbk, _, _) = encoding_rs::GBK.encode("客户编号,客户名称\nC1,张三\n");
        assert_eq!(
            decoded(&gbk, "gbk").unwrap(),
            "客户编号,客户名称\nC1,张三\n"
        );
        let mut bad = gbk.to_vec();
        bad.extend_from_slice(b"C2,\xFF\xFF\n");
        let err = decoded(&bad, "gbk").unwrap_err();
        let decode = DecodeError::of(&err).unwrap();
        assert_eq!((decode.line, decode.byte), (3, 0xFF));
    }

    #[test]
    fn detection_reads_marks_then_utf8_then_guesses() {
        let utf8 = write_file("名称\n张三\n".as_bytes());
        assert_eq!(
            TextEncoding::of_file(utf8.path(), None).unwrap(),
            TextEncoding::UTF8
        );
        let mut marked = vec![0xFF, 0xFE];
        for unit in "名称\n张三\n".encode_utf16() {
            marked.extend_from_slice(&unit.to_le_bytes());
        }
        let utf16 = TextEncoding::of_file(write_file(&marked).path(), None).unwrap();
        assert_eq!((utf16.name(), utf16.how), ("UTF-16LE", Settled::Bom));
        let mut text = String::from("客户编号,客户名称,手机,城市\n");
        for (i, name) in ["张三", "李四", "王五", "赵六", "钱七"].iter().enumerate() {
            text.push_str(&format!("C{i},{name},1390000000{i},北京市朝阳区\n"));
        }
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let guessed = TextEncoding::of_file(write_file(&gbk).path(), None).unwrap();
        assert_eq!((guessed.name(), guessed.how), ("GBK", Settled::Guessed));
        let mut read = String::new();
        guessed
            .reader(std::fs::File::open(write_file(&gbk).path()).unwrap())
            .unwrap()
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(read, text);
    }

    #[test]
    fn a_given_encoding_skips_its_own_mark_only() {
        let file = write_file(b"\xEF\xBB\xBFa,b\n");
        let given = TextEncoding::of_file(file.path(), TextEncoding::named("utf-8")).unwrap();
        let mut read = String::new();
        given
            .reader(std::fs::File::open(file.path()).unwrap())
            .unwrap()
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(read, "a,b\n");
        assert!(TextEncoding::named("no-such-thing").is_none());
    }

    #[test]
    fn bytes_no_candidate_reads_are_refused_at_the_first_bad_one() {
        let file = write_file(b"customer_id,name\nC1,ok\nC2,\xFF\xFE\xFF\n");
        let err = TextEncoding::of_file(file.path(), None).unwrap_err();
        let bad = DecodeError::of(&err).unwrap();
        assert_eq!((bad.line, bad.byte), (3, 0xFF));
        // A character cut at a block boundary is not a bad byte.
        let mut long = "a".repeat((1 << 16) - 1).into_bytes();
        long.extend_from_slice("张\n".as_bytes());
        assert_eq!(first_bad_utf8(&long[..]).unwrap(), None);
        long.extend_from_slice(b"\n\xC3(");
        assert_eq!(first_bad_utf8(&long[..]).unwrap(), Some((3, 0xC3)));
    }

    #[test]
    fn big5_is_guessed_when_gbk_cannot_read_it() {
        let mut text = String::from("客戶編號,客戶名稱,電話\n");
        for (i, name) in ["陳大文", "林美麗", "黃志明", "張家豪"].iter().enumerate() {
            text.push_str(&format!("C{i},{name},0912345{i:03},臺北市信義區\n"));
        }
        let (big5, _, _) = encoding_rs::BIG5.encode(&text);
        let guessed = TextEncoding::of_file(write_file(&big5).path(), None).unwrap();
        assert_eq!(guessed.name(), "Big5");
    }

    #[test]
    fn output_encodes_gbk_and_refuses_what_gbk_cannot_hold() {
        let encoding = OutputEncoding::new(Some("gbk"), false).unwrap();
        let mut out = Vec::new();
        {
            let mut writer = encoding.writer(&mut out).unwrap();
            // Split inside a character: the writer waits for the rest.
            let text = "客户,张三\n".as_bytes();
            writer.write_all(&text[..4]).unwrap();
            writer.write_all(&text[4..]).unwrap();
        }
        let (back, _, bad) = encoding_rs::GBK.decode(&out);
        assert_eq!((back.as_ref(), bad), ("客户,张三\n", false));
        let mut out = Vec::new();
        let err = encoding
            .writer(&mut out)
            .unwrap()
            .write_all("emoji 😀".as_bytes())
            .unwrap_err();
        assert!(err.to_string().contains('😀'), "{err}");
        let mut out = Vec::new();
        OutputEncoding::new(None, true)
            .unwrap()
            .writer(&mut out)
            .unwrap()
            .write_all(b"a")
            .unwrap();
        assert_eq!(out, b"\xEF\xBB\xBFa");
    }
}
