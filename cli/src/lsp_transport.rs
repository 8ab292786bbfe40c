//! The language server's framing over standard input and output, written here rather
//! than taken from `lsp-server` (whose reader stops the session on the first bad
//! message): a malformed message is answered with a parse error (-32700), valid JSON
//! that is not a JSON-RPC message with an invalid request (-32600), and the server
//! keeps serving. A message is at most [`MAX_MESSAGE`] bytes: a larger `Content-Length`
//! is answered with an error and its body skipped unread into memory.

use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{json, Value};

/// The largest message read, in bytes (64 MiB).
pub const MAX_MESSAGE: u64 = 64 * 1024 * 1024;

/// The longest header line read, in bytes.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// The threads that carry messages between standard input and output and the server.
pub struct Transport {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Transport {
    /// Wait until both threads are done (the server's [`Connection`] must be dropped).
    pub fn join(self) -> io::Result<()> {
        for thread in [self.reader, self.writer] {
            thread
                .join()
                .map_err(|_| io::Error::other("a transport thread panicked"))??;
        }
        Ok(())
    }
}

/// A connection for the server over standard input and output, and its threads.
pub fn stdio() -> (Connection, Transport) {
    let (server, client) = Connection::memory();
    let Connection { sender, receiver } = client;
    let writer = thread::spawn(move || {
        for message in receiver {
            let mut frame = Vec::new();
            message.write(&mut frame)?;
            write_frame(&frame)?;
        }
        Ok(())
    });
    let reader = thread::spawn(move || {
        let mut input = io::stdin().lock();
        loop {
            let message = match read_message(&mut input)? {
                Incoming::End => return Ok(()),
                Incoming::Message(message) => message,
                Incoming::Invalid(error) => {
                    send_error(&error)?;
                    continue;
                }
                Incoming::TooLarge(error, length) => {
                    send_error(&error)?;
                    skip(&mut input, length)?;
                    continue;
                }
            };
            let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
            if sender.send(message).is_err() || exit {
                return Ok(());
            }
        }
    });
    (server, Transport { reader, writer })
}

/// Write an error response to standard output.
fn send_error(error: &Value) -> io::Result<()> {
    let mut frame = Vec::new();
    write_body(&mut frame, &error.to_string())?;
    write_frame(&frame)
}

/// Write one framed message to standard output at once.
fn write_frame(frame: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(frame)?;
    out.flush()
}

/// Frame `body` with its `Content-Length` header.
fn write_body(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())
}

/// What [`read_message`] found.
#[derive(Debug)]
pub enum Incoming {
    /// The stream ended (between messages, or within one).
    End,
    /// A JSON-RPC message.
    Message(Message),
    /// A message that cannot be served: the error response to send (id `null` unless
    /// the message had a usable one).
    Invalid(Value),
    /// A `Content-Length` over [`MAX_MESSAGE`]: the error response to send, then the
    /// length to [`skip`] (not stored: the next message starts after it).
    TooLarge(Value, u64),
}

/// Read the next message of `input`: headers, then a body of at most [`MAX_MESSAGE`]
/// bytes. Errors are only those of reading.
pub fn read_message(input: &mut impl BufRead) -> io::Result<Incoming> {
    let mut length: Option<Result<u64, String>> = None;
    let mut any_header = false;
    loop {
        let mut line = Vec::new();
        let n = input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(Incoming::End);
        }
        if !line.ends_with(b"\n") && n as u64 == MAX_HEADER_LINE {
            skip_line(input)?;
            return Ok(invalid(
                ErrorCode::ParseError,
                "header line longer than 8 KiB".into(),
            ));
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if any_header {
                break;
            }
            continue; // blank lines between messages
        }
        any_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                let value = value.trim();
                length = Some(
                    value
                        .parse::<u64>()
                        .map_err(|_| format!("invalid Content-Length `{value}`")),
                );
            }
        }
    }
    let length = match length {
        None => {
            return Ok(invalid(
                ErrorCode::ParseError,
                "message without a Content-Length header".into(),
            ))
        }
        Some(Err(e)) => return Ok(invalid(ErrorCode::ParseError, e)),
        Some(Ok(n)) => n,
    };
    if length > MAX_MESSAGE {
        let error = error_response(
            None,
            ErrorCode::InvalidRequest,
            format!("message of {length} bytes is larger than the limit of {MAX_MESSAGE} bytes; skipped"),
        );
        return Ok(Incoming::TooLarge(error, length));
    }
    let mut body = Vec::new();
    input.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Ok(Incoming::End);
    }
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => return Ok(invalid(ErrorCode::ParseError, format!("parse error: {e}"))),
    };
    let id = value
        .get("id")
        .filter(|id| id.is_string() || id.is_i64())
        .cloned();
    if value.get("jsonrpc") != Some(&json!("2.0")) {
        return Ok(invalid_with_id(
            id,
            ErrorCode::InvalidRequest,
            "not a JSON-RPC 2.0 message (`\"jsonrpc\": \"2.0\"` missing)".into(),
        ));
    }
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Ok(Incoming::Message(message)),
        Err(e) => Ok(invalid_with_id(
            id,
            ErrorCode::InvalidRequest,
            format!("invalid request: {e}"),
        )),
    }
}

/// Discard the rest of a header line that was too long.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buffer.len();
                input.consume(n);
            }
        }
    }
}

fn invalid(code: ErrorCode, message: String) -> Incoming {
    invalid_with_id(None, code, message)
}

fn invalid_with_id(id: Option<Value>, code: ErrorCode, message: String) -> Incoming {
    Incoming::Invalid(error_response(id, code, message))
}

/// An error response to a message (`id`: `null` when it has no usable one).
fn error_response(id: Option<Value>, code: ErrorCode, message: String) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
}

/// Read and drop `length` bytes of `input` (the body of a message too large to keep).
pub fn skip(input: &mut impl BufRead, length: u64) -> io::Result<()> {
    io::copy(&mut input.take(length), &mut io::sink()).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<String> {
        let mut input = input;
        let mut out = Vec::new();
        loop {
            match read_message(&mut input).unwrap() {
                Incoming::End => return out,
                Incoming::Message(m) => {
                    out.push(format!("message {}", serde_json::to_string(&m).unwrap()))
                }
                Incoming::Invalid(e) => out.push(format!("error {}", e["error"]["code"])),
                Incoming::TooLarge(e, length) => {
                    out.push(format!("error {} ({length})", e["error"]["code"]));
                    skip(&mut input, length).unwrap();
                }
            }
        }
    }

    #[test]
    fn bad_frames_are_answered_and_the_next_one_is_read() {
        let ok = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{ no Content-Length: 2\r\n\r\n[]\
             Content-Length: 18446744073709551615\r\n\r\nxyz\
             Content-Length: {}\r\n\r\n{ok}",
            ok.len()
        );
        assert_eq!(
            read(input.as_bytes()),
            [
                "error -32700",
                "error -32600",
                "error -32600 (18446744073709551615)"
            ]
        );
        let input = format!("Content-Length: {}\r\n\r\n{ok}", ok.len());
        assert_eq!(read(input.as_bytes()), [r#"message {"method":"exit"}"#]);
        let long = format!("X-Long: {}\r\n", "a".repeat(10_000));
        assert_eq!(read(long.as_bytes()), ["error -32700"]);
    }
}
