package io.conduithex.bootstrap.http;

import io.conduithex.adapter.web.WebSettings;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.HostileRequest.Formed;
import io.conduithex.bootstrap.http.HostileRequest.Raw;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The table of hostile requests, by category, against every endpoint of the API, each with the client error it
 * must get. Where the request would change data if the application accepted it (a forged token on a write, a
 * body that only needs one flaw fixed), the flaw is the only thing wrong with it, so that a lax check shows up
 * as a written row and not only as a different status.
 *
 * <p>It is one piece on purpose, though long: it is a table of cases, not logic, and a reader checking that an
 * endpoint is covered against every category must find all of its rows in one place, in the same order as the
 * categories (splitting it by category or by endpoint would scatter exactly that view).
 */
final class HostileCases {
    static final int LIMIT = (int) WebSettings.DEFAULT_MAX_BODY_BYTES;

    static final String NOT_JSON = "is not valid JSON";
    static final String BLANK = "can't be blank";
    static final String NOT_AN_OBJECT = "must be a JSON object";
    static final String NOT_A_STRING = "must be a string";
    static final String NUL = "can't contain the NUL character";
    static final String SURROGATE = "can't contain an unpaired surrogate";
    static final String NOT_UTF8 = "is not valid UTF-8";
    static final String CONTROL = "can't contain control characters";
    static final String UNREADABLE = "was cut short or badly framed";
    static final String TOO_LARGE = "is too large (maximum is " + LIMIT + " bytes)";
    static final String INVALID = "is invalid";
    static final String TAKEN = "has already been taken";

    /**
     * What was arranged before the hostile requests.
     *
     * @param jake                  author of {@code jakesSlug}; follows celeb; favorites celeb's article
     * @param celeb                 author of {@code celebsSlug}; favorites jake's article
     * @param reader                followed by nobody, follows nobody
     * @param celebsCommentId       celeb's comment on jake's article
     * @param jakesCommentId        jake's comment on celeb's article
     * @param absentUserId          an id no user has
     */
    record Scene(Account jake, Account celeb, Account reader, long jakeId, long absentUserId,
                 String jakesSlug, String celebsSlug, long celebsCommentId, long jakesCommentId) {
    }

    /** An endpoint that reads a JSON body, with a body it would accept. */
    private record BodyEndpoint(String label, String method, String path, String token, String wrapper,
                                String fields, String firstField) {

        String valid() {
            return "{\"" + wrapper + "\":" + fields + "}";
        }

        Formed request() {
            return Formed.of(method, path).token(token);
        }

        Formed with(String json) {
            return request().json(json);
        }

        Formed with(byte[] json) {
            return request().json(json);
        }

        Formed withFields(String innerJson) {
            return with("{\"" + wrapper + "\":" + innerJson + "}");
        }

        /** The valid body with {@code inserted} slipped in at the start of the first string value. */
        byte[] withInFirstValue(byte[] inserted) {
            String body = valid();
            int at = firstValueAt(body) + 1;
            return concat(body.substring(0, at).getBytes(StandardCharsets.UTF_8), inserted,
                    body.substring(at).getBytes(StandardCharsets.UTF_8));
        }

        /** The valid body, with {@code replacement} as the value of the first field. */
        String withFirstValue(String replacement) {
            String body = valid();
            int start = firstValueAt(body);
            int end = body.indexOf('"', start + 1) + 1;
            return body.substring(0, start) + replacement + body.substring(end);
        }

        /** Where the first field's value (a string in every valid body) opens its quotes. */
        private int firstValueAt(String body) {
            String key = "\"" + firstField + "\":";
            return body.indexOf(key, wrapper.length() + 4) + key.length();
        }

        /** The valid body grown to exactly {@code size} bytes by a field the application does not read. */
        byte[] paddedTo(int size) {
            String head = "{\"" + wrapper + "\":" + fields.substring(0, fields.length() - 1) + ",\"padding\":\"";
            String tail = "\"}}";
            return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A route that reads the Authorization header, with a request that would change data if let through. */
    private record AuthRoute(String method, String path, String json, boolean optional) {
        Formed request() {
            var request = Formed.of(method, path);
            return json == null ? request : request.json(json);
        }
    }

    private final Scene scene;
    private final List<HostileCase> cases = new ArrayList<>();
    private String category;

    private HostileCases(Scene scene) {
        this.scene = scene;
    }

    static List<HostileCase> against(Scene scene) {
        var table = new HostileCases(scene);
        table.malformedJson();
        table.wrongShapes();
        table.invalidText();
        table.controlCharacters();
        table.oversizeBodies();
        table.overlongFields();
        table.wrongFieldValues();
        table.sqlMetacharacters();
        table.emoji();
        table.pagingParameters();
        table.unknownSlugsAndIds();
        table.otherPeoplesThings();
        table.forgedTokens();
        table.contentTypes();
        table.httpFraming();
        table.idempotencyKeys();
        return List.copyOf(table.cases);
    }

    // Bodies, against every endpoint that reads one

    private void malformedJson() {
        category = "malformed or truncated JSON";
        for (var e : bodyEndpoints()) {
            String valid = e.valid();
            add(e, "an empty body", e.with(""), 422, "body", BLANK);
            add(e, "a body of white space only", e.with(" \r\n\t "), 422, "body", BLANK);
            add(e, "the body cut in half", e.with(valid.substring(0, valid.length() / 2)), 422, "body", NOT_JSON);
            add(e, "the last brace missing", e.with(valid.substring(0, valid.length() - 1)), 422, "body", NOT_JSON);
            add(e, "only an opening brace", e.with("{"), 422, "body", NOT_JSON);
            add(e, "a trailing comma", e.with(valid.replace("}}", ",}}")), 422, "body", NOT_JSON);
            add(e, "single quotes", e.with(valid.replace('"', '\'')), 422, "body", NOT_JSON);
            add(e, "unquoted keys", e.with(valid.replace("\"" + e.wrapper() + "\"", e.wrapper())), 422, "body",
                    NOT_JSON);
            add(e, "trailing garbage", e.with(valid + "x"), 422, "body", NOT_JSON);
            add(e, "two JSON documents", e.with(valid + valid), 422, "body", NOT_JSON);
            add(e, "a JavaScript comment", e.with("/* hi */" + valid), 422, "body", NOT_JSON);
            add(e, "the wrapper twice", e.with("{\"" + e.wrapper() + "\":" + e.fields() + ",\"" + e.wrapper() + "\":"
                    + e.fields() + "}"), 422, "body", NOT_JSON);
            add(e, "a field twice", e.with(valid.replace("{\"" + e.firstField() + "\":",
                    "{\"" + e.firstField() + "\":\"x\",\"" + e.firstField() + "\":")), 422, "body", NOT_JSON);
            add(e, "an unterminated string", e.with("{\"" + e.wrapper() + "\":{\"" + e.firstField() + "\":\"abc}}"),
                    422, "body", NOT_JSON);
            add(e, "an invalid escape", e.with(e.withFirstValue("\"\\x41\"")), 422, "body", NOT_JSON);
            add(e, "a truncated unicode escape", e.with(e.withFirstValue("\"\\u12\"")), 422, "body", NOT_JSON);
            add(e, "NaN as a value", e.with(e.withFirstValue("NaN")), 422, "body", NOT_JSON);
            add(e, "nesting 2,000 levels deep", e.with(e.withFirstValue("[".repeat(2000) + "]".repeat(2000))),
                    422, "body", NOT_JSON);
            add(e, "a 5,000-digit number", e.with(e.withFirstValue("9".repeat(5000))), 422, "body", NOT_JSON);
        }
    }

    private void wrongShapes() {
        category = "wrong types and missing wrapper objects";
        for (var e : bodyEndpoints()) {
            String w = e.wrapper();
            add(e, "an array at the root", e.with("[" + e.valid() + "]"), 422, "body", NOT_AN_OBJECT);
            add(e, "a string at the root", e.with("\"" + w + "\""), 422, "body", NOT_AN_OBJECT);
            add(e, "a number at the root", e.with("42"), 422, "body", NOT_AN_OBJECT);
            add(e, "null at the root", e.with("null"), 422, "body", NOT_AN_OBJECT);
            add(e, "true at the root", e.with("true"), 422, "body", NOT_AN_OBJECT);
            add(e, "an empty object", e.with("{}"), 422, w, BLANK);
            add(e, "a null wrapper", e.with("{\"" + w + "\":null}"), 422, w, BLANK);
            add(e, "the fields without their wrapper", e.with(e.fields()), 422, w, BLANK);
            add(e, "the wrapper in the plural", e.with("{\"" + w + "s\":" + e.fields() + "}"), 422, w, BLANK);
            add(e, "the wrapper capitalised", e.with("{\"" + w.substring(0, 1).toUpperCase(Locale.ROOT)
                    + w.substring(1) + "\":" + e.fields() + "}"), 422, w, BLANK);
            add(e, "the wrapper as an array", e.with("{\"" + w + "\":[" + e.fields() + "]}"), 422, w,
                    "must be an object");
            add(e, "the wrapper as a string", e.with("{\"" + w + "\":\"" + w + "\"}"), 422, w, "must be an object");
            add(e, "the wrapper as a number", e.with("{\"" + w + "\":1}"), 422, w, "must be an object");
            add(e, "the first field as a number", e.with(e.withFirstValue("42")), 422, e.firstField(), NOT_A_STRING);
            add(e, "the first field as an object", e.with(e.withFirstValue("{\"value\":\"x\"}")), 422,
                    e.firstField(), NOT_A_STRING);
            add(e, "the first field as an array", e.with(e.withFirstValue("[\"x\"]")), 422, e.firstField(),
                    NOT_A_STRING);
            add(e, "the first field as a boolean", e.with(e.withFirstValue("false")), 422, e.firstField(),
                    NOT_A_STRING);
        }
    }

    private void invalidText() {
        category = "invalid UTF-8 and invalid Unicode";
        for (var e : bodyEndpoints()) {
            add(e, "a lone continuation byte", e.with(e.withInFirstValue(bytes(0x80))), 422, "body", NOT_UTF8);
            add(e, "an invalid start byte", e.with(e.withInFirstValue(bytes(0xFF))), 422, "body", NOT_UTF8);
            add(e, "a two-byte sequence cut short", e.with(e.withInFirstValue(bytes(0xC3, 0x28))), 422, "body",
                    NOT_UTF8);
            add(e, "a four-byte sequence cut short", e.with(e.withInFirstValue(bytes(0xF0, 0x9F, 0x98))), 422,
                    "body", NOT_UTF8);
            add(e, "an overlong encoding of a slash", e.with(e.withInFirstValue(bytes(0xC0, 0xAF))), 422,
                    "body", NOT_UTF8);
            add(e, "an overlong encoding of NUL", e.with(e.withInFirstValue(bytes(0xC0, 0x80))), 422, "body", NOT_UTF8);
            add(e, "a surrogate encoded in UTF-8", e.with(e.withInFirstValue(bytes(0xED, 0xA0, 0x80))), 422,
                    "body", NOT_UTF8);
            add(e, "a code point above U+10FFFF", e.with(e.withInFirstValue(bytes(0xF4, 0x90, 0x80, 0x80))), 422,
                    "body", NOT_UTF8);
            add(e, "Latin-1 text", e.with(e.withInFirstValue("café".getBytes(StandardCharsets.ISO_8859_1))), 422,
                    "body", NOT_UTF8);
            add(e, "the body in UTF-16 with a byte order mark", e.with(e.valid().getBytes(StandardCharsets.UTF_16)),
                    422, "body", NOT_UTF8);
            add(e, "the body in UTF-16LE without a byte order mark",
                    e.with(e.valid().getBytes(StandardCharsets.UTF_16LE)), 422, "body", null);
            add(e, "the body in UTF-32", e.with(e.valid().getBytes(Charset.forName("UTF-32BE"))), 422, "body", null);
            add(e, "an unpaired high surrogate escape", e.with(e.withInFirstValue(ascii("\\ud83d"))), 422,
                    e.firstField(), SURROGATE);
            add(e, "surrogate escapes in the wrong order", e.with(e.withInFirstValue(ascii("\\ude00\\ud83d"))), 422,
                    e.firstField(), SURROGATE);
        }
    }

    private void controlCharacters() {
        category = "control characters";
        for (var e : bodyEndpoints()) {
            add(e, "an escaped NUL in " + e.firstField(), e.with(e.withInFirstValue(ascii("\\u0000"))), 422,
                    e.firstField(), NUL);
            add(e, "a raw control character inside a string", e.with(e.withInFirstValue(bytes(0x01))), 422,
                    "body", NOT_JSON);
            add(e, "a raw line feed inside a string", e.with(e.withInFirstValue(bytes(0x0A))), 422, "body", NOT_JSON);
        }
        var register = register();
        add(register, "a bell in the username", register.withFields(
                "{\"username\":\"ja\\u0007ke\",\"email\":\"bell@conduit.test\",\"password\":\"password-1\"}"),
                422, "username", null);
        add(register, "a line feed in the username", register.withFields(
                "{\"username\":\"jake\\nadmin\",\"email\":\"lf@conduit.test\",\"password\":\"password-1\"}"),
                422, "username", null);
        add(register, "a control character in the email", register.withFields(
                "{\"username\":\"ctrl\",\"email\":\"ctrl\\u0001@conduit.test\",\"password\":\"password-1\"}"),
                422, "email", INVALID);
        add(register, "a terminal escape in the email", register.withFields(
                "{\"username\":\"esc\",\"email\":\"esc\\u001b[31m@conduit.test\",\"password\":\"password-1\"}"),
                422, "email", INVALID);
        var updateUser = updateUser();
        add(updateUser, "a control character in the image URL",
                updateUser.withFields("{\"image\":\"https://example.com/\\u0001.png\"}"), 422, "image", null);
        add(updateUser, "a control character in the email",
                updateUser.withFields("{\"email\":\"jake\\u0007@conduit.test\"}"), 422, "email", INVALID);
        var create = createArticle();
        add(create, "a terminal escape in a tag", create.withFields(article("Escape", "\\u001b[31mred")), 422,
                "tagList", null);
        add(create, "a line feed in a tag", create.withFields(article("Line feed", "two\\nlines")), 422,
                "tagList", null);
        add(create, "a bell in the title", create.withFields(
                "{\"title\":\"Ring \\u0007 the bell\",\"description\":\"d\",\"body\":\"b\"}"), 422, "title", CONTROL);
        add(create, "a terminal escape in the description", create.withFields(
                "{\"title\":\"Escape\",\"description\":\"clear \\u001b[2J\",\"body\":\"b\"}"), 422,
                "description", CONTROL);
        add(create, "a title of control characters only", create.withFields(
                "{\"title\":\"\\u0001\\u0002\\u0003\",\"description\":\"d\",\"body\":\"b\"}"), 422, "title", CONTROL);
        var updateArticle = updateArticle();
        add(updateArticle, "a backspace in the title", updateArticle.withFields("{\"title\":\"back\\bspace\"}"),
                422, "title", CONTROL);
    }

    private void oversizeBodies() {
        category = "bodies over the 1 MiB limit";
        for (var e : bodyEndpoints()) {
            add(e, "a body one byte over the limit", e.with(e.paddedTo(LIMIT + 1)).afterContinue(), 413, "body",
                    TOO_LARGE);
            add(e, "a chunked body one byte over the limit", e.with(e.paddedTo(LIMIT + 1)).withoutLength(), 413, "body",
                    TOO_LARGE);
        }
        var updateUser = updateUser();
        add(updateUser, "a body of exactly the limit is read, and its bio refused",
                updateUser.with(paddedBio(LIMIT)), 422, "bio", null);
        add(updateUser, "a body of 4 MiB", updateUser.with(updateUser.paddedTo(4 * LIMIT)).afterContinue(), 413,
                "body", TOO_LARGE);
        String token = scene.jake().token();
        add("register", "a Content-Length over the limit with the body never sent",
                Raw.of("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + (LIMIT + 1) + "\r\nConnection: close"), 413, "body", TOO_LARGE);
        add("create article", "a Content-Length of 2^63-1 with the body never sent",
                Raw.of("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 9223372036854775807\r\n"
                        + "Connection: close"), 413, "body", TOO_LARGE);
        add("add comment", "Expect: 100-continue with a Content-Length over the limit",
                Raw.of("POST /api/articles/" + scene.jakesSlug() + "/comments HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Token " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + (8 * LIMIT) + "\r\nExpect: 100-continue\r\nConnection: close"),
                413, "body", TOO_LARGE);
    }

    // Fields, endpoint by endpoint

    private void overlongFields() {
        category = "overlong fields";
        var register = register();
        add(register, "a username of 41 characters", register.withFields(registration("u".repeat(41),
                "long-name@conduit.test", "password-1")), 422, "username", null);
        add(register, "an email of 255 characters", register.withFields(registration("longmail",
                "e".repeat(242) + "@conduit.test", "password-1")), 422, "email", null);
        add(register, "a password of 73 bytes", register.withFields(registration("longpass",
                "longpass@conduit.test", "p".repeat(73))), 422, "password", null);
        var login = login();
        add(login, "an email of 255 characters", login.withFields("{\"email\":\"" + "e".repeat(242)
                + "@conduit.test\",\"password\":\"whatever-1\"}"), 422, "email", null);
        add(login, "a password of 100,000 characters", login.withFields("{\"email\":\"" + scene.jake().email()
                + "\",\"password\":\"" + "p".repeat(100_000) + "\"}"), 401, "email or password", INVALID);
        add(login, "the right password followed by more", login.withFields("{\"email\":\"" + scene.jake().email()
                + "\",\"password\":\"" + scene.jake().password() + "x".repeat(80) + "\"}"), 401,
                "email or password", INVALID);
        var updateUser = updateUser();
        add(updateUser, "a bio of 4,001 characters", updateUser.withFields("{\"bio\":\"" + "b".repeat(4001) + "\"}"),
                422, "bio", null);
        add(updateUser, "an image URL of 2,049 characters", updateUser.withFields("{\"image\":\"https://example.com/"
                + "i".repeat(2049 - 20) + "\"}"), 422, "image", null);
        add(updateUser, "a username of 41 characters", updateUser.withFields("{\"username\":\"" + "u".repeat(41)
                + "\"}"), 422, "username", null);
        add(updateUser, "a password of 73 bytes", updateUser.withFields("{\"password\":\"" + "p".repeat(73) + "\"}"),
                422, "password", null);
        var create = createArticle();
        add(create, "a title of 201 characters", create.withFields("{\"title\":\"" + "t".repeat(201)
                + "\",\"description\":\"d\",\"body\":\"b\"}"), 422, "title", null);
        add(create, "a description of 1,001 characters", create.withFields("{\"title\":\"Long description\","
                + "\"description\":\"" + "d".repeat(1001) + "\",\"body\":\"b\"}"), 422, "description", null);
        add(create, "a body of 100,001 characters", create.withFields("{\"title\":\"Long body\",\"description\":\"d\","
                + "\"body\":\"" + "b".repeat(100_001) + "\"}"), 422, "body", null);
        add(create, "a tag of 51 characters", create.withFields(article("Long tag", "t".repeat(51))), 422,
                "tagList", null);
        add(create, "21 tags", create.withFields(article("Many tags", numbered("tag", 21))), 422, "tagList", null);
        var updateArticle = updateArticle();
        add(updateArticle, "a title of 201 characters", updateArticle.withFields("{\"title\":\"" + "t".repeat(201)
                + "\"}"), 422, "title", null);
        add(updateArticle, "21 tags", updateArticle.withFields("{\"tagList\":[\""
                + String.join("\",\"", numbered("tag", 21)) + "\"]}"), 422, "tagList", null);
        var comment = addComment();
        add(comment, "a comment of 10,001 characters", comment.withFields("{\"body\":\"" + "c".repeat(10_001) + "\"}"),
                422, "body", null);
    }

    private void wrongFieldValues() {
        category = "wrong field types and values";
        var register = register();
        add(register, "no fields at all", register.withFields("{}"), 422, "email", BLANK);
        add(register, "a null email", register.withFields(
                "{\"username\":\"nullmail\",\"email\":null,\"password\":\"password-1\"}"), 422, "email", BLANK);
        add(register, "an email without an at sign", register.withFields(registration("noat", "noat.conduit.test",
                "password-1")), 422, "email", INVALID);
        add(register, "a password of seven characters", register.withFields(registration("short",
                "short@conduit.test", "seven77")), 422, "password", null);
        add(register, "a username with a space", register.withFields(registration("jake smith",
                "space@conduit.test", "password-1")), 422, "username", null);
        add(register, "a username with a slash", register.withFields(registration("../admin",
                "slash@conduit.test", "password-1")), 422, "username", null);
        var login = login();
        add(login, "no password", login.withFields("{\"email\":\"" + scene.jake().email() + "\"}"), 422, "password",
                BLANK);
        add(login, "an empty password", login.withFields("{\"email\":\"" + scene.jake().email()
                + "\",\"password\":\"\"}"), 422, "password", BLANK);
        add(login, "the wrong password", login.withFields("{\"email\":\"" + scene.jake().email()
                + "\",\"password\":\"not-jakes-password\"}"), 401, "email or password", INVALID);
        add(login, "an unknown email", login.withFields("{\"email\":\"nobody@conduit.test\","
                + "\"password\":\"password-1\"}"), 401, "email or password", INVALID);
        var updateUser = updateUser();
        // Empty or null e-mail, username and password mean "unchanged" (settings forms send every field).
        add(updateUser, "an email of spaces", updateUser.withFields("{\"email\":\"  \"}"), 422, "email", BLANK);
        add(updateUser, "a username of spaces", updateUser.withFields("{\"username\":\" \"}"), 422, "username",
                BLANK);
        add(updateUser, "a bio as a number", updateUser.withFields("{\"bio\":7}"), 422, "bio", NOT_A_STRING);
        add(updateUser, "an image as a boolean", updateUser.withFields("{\"image\":true}"), 422, "image", NOT_A_STRING);
        add(updateUser, "a javascript: image URL", updateUser.withFields("{\"image\":\"javascript:alert(1)\"}"), 422,
                "image", null);
        add(updateUser, "a data: image URL", updateUser.withFields(
                "{\"image\":\"data:text/html,<script>alert(1)</script>\"}"), 422, "image", null);
        add(updateUser, "an image URL without a host", updateUser.withFields("{\"image\":\"http://\"}"), 422,
                "image", null);
        add(updateUser, "a password of seven characters", updateUser.withFields("{\"password\":\"seven77\"}"), 422,
                "password", null);
        add(updateUser, "a valid bio beside an invalid email", updateUser.withFields(
                "{\"bio\":\"half an update\",\"email\":\"not-an-email\"}"), 422, "email", INVALID);
        var create = createArticle();
        add(create, "no fields at all", create.withFields("{}"), 422, "title", BLANK);
        add(create, "a blank title", create.withFields("{\"title\":\"   \",\"description\":\"d\",\"body\":\"b\"}"),
                422, "title", BLANK);
        add(create, "a description as an object", create.withFields(
                "{\"title\":\"t\",\"description\":{},\"body\":\"b\"}"), 422, "description", NOT_A_STRING);
        add(create, "a body as an array", create.withFields("{\"title\":\"t\",\"description\":\"d\",\"body\":[]}"),
                422, "body", NOT_A_STRING);
        add(create, "tagList as a string", create.withFields(
                "{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":\"dragons\"}"), 422, "tagList",
                "must be an array of strings");
        add(create, "tagList as an object", create.withFields(
                "{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":{\"0\":\"dragons\"}}"), 422,
                "tagList", "must be an array of strings");
        add(create, "a number in tagList", create.withFields(
                "{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[\"ok\",1]}"), 422, "tagList",
                "tag 2 must be a string");
        add(create, "a null in tagList", create.withFields(
                "{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[null]}"), 422, "tagList",
                "tag 1 must be a string");
        add(create, "an array in tagList", create.withFields(
                "{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[[\"x\"]]}"), 422, "tagList",
                "tag 1 must be a string");
        add(create, "an empty tag", create.withFields(article("Empty tag", "")), 422, "tagList", null);
        var updateArticle = updateArticle();
        add(updateArticle, "a null title", updateArticle.withFields("{\"title\":null}"), 422, "title", BLANK);
        add(updateArticle, "a null body", updateArticle.withFields("{\"body\":null}"), 422, "body", BLANK);
        add(updateArticle, "an empty description", updateArticle.withFields("{\"description\":\"\"}"), 422,
                "description", BLANK);
        add(updateArticle, "tagList as a number", updateArticle.withFields("{\"tagList\":5}"), 422, "tagList",
                "must be an array of strings");
        add(updateArticle, "a valid title beside an invalid tag", updateArticle.withFields(
                "{\"title\":\"Half an update\",\"tagList\":[\"ok\",7]}"), 422, "tagList", "tag 2 must be a string");
        var comment = addComment();
        add(comment, "no body field", comment.withFields("{}"), 422, "body", BLANK);
        add(comment, "a null comment body", comment.withFields("{\"body\":null}"), 422, "body", BLANK);
        add(comment, "an empty comment body", comment.withFields("{\"body\":\"\"}"), 422, "body", BLANK);
        add(comment, "a comment body of white space only", comment.withFields("{\"body\":\" \\n\\t \"}"), 422,
                "body", BLANK);
    }

    private void sqlMetacharacters() {
        category = "SQL metacharacters";
        var login = login();
        add(login, "' OR '1'='1 as email and password", login.withFields(
                "{\"email\":\"' OR '1'='1\",\"password\":\"' OR '1'='1\"}"), 422, "email", INVALID);
        add(login, "a quote and a comment after a real email", login.withFields("{\"email\":\"" + scene.jake().email()
                + "'--\",\"password\":\"anything-at-all\"}"), 401, "email or password", INVALID);
        add(login, "LIKE wildcards as email with jake's password", login.withFields(
                "{\"email\":\"%@%.%\",\"password\":\"" + scene.jake().password() + "\"}"), 401, "email or password",
                INVALID);
        add(login, "an underscore wildcard in jake's email with his password", login.withFields("{\"email\":\""
                + scene.jake().email().replaceFirst("a", "_") + "\",\"password\":\"" + scene.jake().password() + "\"}"),
                401, "email or password", INVALID);
        var register = register();
        add(register, "a username that drops a table", register.withFields(registration(
                "robert');DROP TABLE users;--", "bobby@conduit.test", "password-1")), 422, "username", null);
        add(register, "a username that is a tautology", register.withFields(registration("x' OR '1'='1",
                "tautology@conduit.test", "password-1")), 422, "username", null);
        add(register, "an email with a UNION", register.withFields(registration("union",
                "u@x.io' UNION SELECT password_hash FROM users--", "password-1")), 422, "email", INVALID);
        String token = scene.jake().token();
        add("get profile", "a username with a quote and a comment", get("/api/profiles/jake'--", null), 404,
                "profile", null);
        add("get profile", "a username that is a LIKE wildcard", get("/api/profiles/%25", null), 404, "profile",
                null);
        add("get profile", "a username with an underscore wildcard", get("/api/profiles/j_ke", null), 404,
                "profile", null);
        add("get profile", "a username that is a tautology", get("/api/profiles/" + encode("' OR '1'='1"), null),
                404, "profile", null);
        add("follow", "an underscore wildcard for the reader", Formed.of("POST", "/api/profiles/r_ader/follow")
                .token(token), 404, "profile", null);
        add("unfollow", "a LIKE wildcard for celeb", Formed.of("DELETE", "/api/profiles/c%25/follow").token(token),
                404, "profile", null);
        String slug = scene.jakesSlug();
        add("get article", "a slug that is a tautology", get("/api/articles/" + encode("' OR '1'='1"), null), 404,
                "article", null);
        add("get article", "a slug with underscore wildcards", get("/api/articles/" + slug.replace('-', '_'), null),
                404, "article", null);
        add("delete article", "a slug that is a LIKE wildcard", Formed.of("DELETE", "/api/articles/%25").token(token),
                404, "article", null);
        add("delete article", "a slug that drops a table", Formed.of("DELETE", "/api/articles/"
                + encode("x';DROP TABLE articles;--")).token(token), 404, "article", null);
        add("update article", "a slug prefix and a LIKE wildcard", Formed.of("PUT", "/api/articles/how-to%25")
                .token(token).json("{\"article\":{\"title\":\"Wildcard\"}}"), 404, "article", null);
        add("favorite", "a slug that is a LIKE wildcard", Formed.of("POST", "/api/articles/%25/favorite")
                .token(scene.reader().token()), 404, "article", null);
        add("list comments", "a slug with a quote and a comment", get("/api/articles/x'--/comments", null), 404,
                "article", null);
        add("delete comment", "an id that is a tautology", Formed.of("DELETE", commentPath(slug,
                encode("1 OR 1=1"))).token(scene.celeb().token()), 404, "comment", null);
        add("delete comment", "an id followed by a second statement", Formed.of("DELETE", commentPath(slug,
                scene.celebsCommentId() + encode(" ;DELETE FROM comments"))).token(scene.celeb().token()), 404,
                "comment", null);
        add("list articles", "a limit followed by a second statement",
                get("/api/articles?limit=" + encode("1;DROP TABLE users"), null), 422, "limit", null);
        add("list articles", "an offset with a UNION",
                get("/api/articles?offset=" + encode("0 UNION SELECT password_hash FROM users"), null), 422,
                "offset", null);
    }

    private void emoji() {
        category = "emoji";
        var register = register();
        add(register, "an emoji in the username", register.withFields(registration("jake\uD83D\uDE00",
                "emoji@conduit.test", "password-1")), 422, "username", null);
        add(register, "a username that is only emoji", register.withFields(registration("\uD83D\uDC09\uD83D\uDD25",
                "dragon@conduit.test", "password-1")), 422, "username", null);
        add(register, "a password of 19 emoji (76 bytes)", register.withFields(registration("emojipass",
                "emojipass@conduit.test", "\uD83D\uDE00".repeat(19))), 422, "password", null);
        add(register, "an email that is an emoji", register.withFields(registration("emojimail", "\uD83D\uDCE7",
                "password-1")), 422, "email", INVALID);
        String emoji = encode("\uD83D\uDE00");
        add("get profile", "an emoji username", get("/api/profiles/" + emoji, null), 404, "profile", null);
        add("follow", "an emoji username", Formed.of("POST", "/api/profiles/" + emoji + "/follow")
                .token(scene.jake().token()), 404, "profile", null);
        add("get article", "an emoji slug", get("/api/articles/" + emoji, null), 404, "article", null);
        add("add comment", "an emoji slug", Formed.of("POST", "/api/articles/" + emoji + "/comments")
                .token(scene.jake().token()).json("{\"comment\":{\"body\":\"hi\"}}"), 404, "article", null);
        add("delete comment", "an emoji id", Formed.of("DELETE", commentPath(scene.jakesSlug(), emoji))
                .token(scene.celeb().token()), 404, "comment", null);
        add("list articles", "an emoji limit", get("/api/articles?limit=" + emoji, null), 422, "limit", null);
        add("feed", "an emoji offset", get("/api/articles/feed?offset=" + emoji, scene.jake().token()), 422,
                "offset", null);
        add("get user", "an emoji token sent as UTF-8", Raw.of("GET /api/user HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Token " + latin1Of("\uD83D\uDE00")), 401, "token", null);
    }

    // Paths and queries

    private void pagingParameters() {
        category = "negative or huge limit and offset";
        String[][] limits = {
                {"-1", "a negative limit"}, {"0", "a zero limit"}, {"101", "a limit one over the maximum"},
                {"2147483648", "a limit just over the largest int"},
                {"99999999999999999999", "a limit of twenty digits"}, {"abc", "a limit that is a word"},
                {"1.5", "a fractional limit"}, {"1e2", "a limit in exponent notation"},
                {"0x10", "a hexadecimal limit"}, {"%2B5", "a limit with a plus sign"},
                {"%205", "a limit with a leading space"}, {"", "an empty limit"}, {"%00", "a NUL limit"},
                {"%D9%A1%D9%A0", "a limit in Arabic-Indic digits"}, {"-0", "a limit of minus zero"},
        };
        String[][] offsets = {
                {"-1", "a negative offset"}, {"10001", "an offset one over the maximum"},
                {"99999999999999999999", "an offset of twenty digits"}, {"abc", "an offset that is a word"},
                {"", "an empty offset"}, {"1e3", "an offset in exponent notation"},
        };
        for (String[] limit : limits) {
            add("list articles", limit[1], get("/api/articles?limit=" + limit[0], null), 422, "limit", null);
        }
        for (String[] offset : offsets) {
            add("list articles", offset[1], get("/api/articles?offset=" + offset[0], null), 422, "offset", null);
        }
        add("list articles", "a bad limit and a bad offset together", get("/api/articles?limit=-5&offset=-5", null),
                422, "offset", null);
        add("list articles", "a zero limit beside a tag filter", get("/api/articles?tag=dragons&limit=0", null),
                422, "limit", null);
        String token = scene.jake().token();
        for (String[] limit : List.of(limits[0], limits[2], limits[4], limits[5])) {
            add("feed", limit[1], get("/api/articles/feed?limit=" + limit[0], token), 422, "limit", null);
        }
        for (String[] offset : List.of(offsets[0], offsets[1], offsets[3])) {
            add("feed", offset[1], get("/api/articles/feed?offset=" + offset[0], token), 422, "offset", null);
        }
    }

    private void unknownSlugsAndIds() {
        category = "unknown slugs, usernames, ids and routes";
        String jake = scene.jake().token();
        String celeb = scene.celeb().token();
        String unknown = "no-such-article";
        add("get article", "an unknown slug", get("/api/articles/" + unknown, null), 404, "article", "not found");
        add("update article", "an unknown slug", Formed.of("PUT", "/api/articles/" + unknown).token(jake)
                .json("{\"article\":{\"title\":\"Renamed\"}}"), 404, "article", null);
        add("delete article", "an unknown slug", Formed.of("DELETE", "/api/articles/" + unknown).token(jake), 404,
                "article", null);
        add("favorite", "an unknown slug", Formed.of("POST", "/api/articles/" + unknown + "/favorite").token(jake),
                404, "article", null);
        add("unfavorite", "an unknown slug", Formed.of("DELETE", "/api/articles/" + unknown + "/favorite")
                .token(jake), 404, "article", null);
        add("list comments", "an unknown slug", get("/api/articles/" + unknown + "/comments", null), 404, "article",
                null);
        add("add comment", "an unknown slug", Formed.of("POST", "/api/articles/" + unknown + "/comments").token(jake)
                .json("{\"comment\":{\"body\":\"hello\"}}"), 404, "article", null);
        add("delete comment", "an unknown slug", Formed.of("DELETE", commentPath(unknown, scene.celebsCommentId()
                + "")).token(celeb), 404, "article", null);
        String slug = scene.jakesSlug();
        add("get article", "the slug in upper case", get("/api/articles/" + slug.toUpperCase(Locale.ROOT), null),
                404, "article", null);
        add("get article", "the slug with a trailing hyphen", get("/api/articles/" + slug + "-", null), 404,
                "article", null);
        add("get article", "a slug of 121 characters", get("/api/articles/" + "a".repeat(121), null), 404,
                "article", null);
        add("delete article", "the slug with an encoded semicolon after it", Formed.of("DELETE", "/api/articles/"
                + slug + "%3Bx").token(jake), 404, "article", null);
        String[][] ids = {
                {"0", "a zero comment id"}, {"-1", "a negative comment id"}, {"999999999", "an unknown comment id"},
                {"abc", "a comment id that is a word"}, {"1.5", "a fractional comment id"},
                {"1e3", "a comment id in exponent notation"},
                {"9223372036854775808", "a comment id just over the largest long"},
                {"%20" + scene.celebsCommentId(), "a real comment id with a leading space"},
                {Long.toString(scene.jakesCommentId()), "the id of a comment on another article"},
        };
        for (String[] id : ids) {
            // Celeb wrote the comment on this article, so only the id can stand in the way.
            add("delete comment", id[1], Formed.of("DELETE", commentPath(slug, id[0])).token(celeb), 404, "comment",
                    null);
        }
        add("get profile", "an unknown username", get("/api/profiles/nobody", null), 404, "profile", "not found");
        add("get profile", "a username of 41 characters", get("/api/profiles/" + "u".repeat(41), null), 404,
                "profile", null);
        add("follow", "an unknown username", Formed.of("POST", "/api/profiles/nobody/follow").token(jake), 404,
                "profile", null);
        add("unfollow", "an unknown username", Formed.of("DELETE", "/api/profiles/nobody/follow").token(jake), 404,
                "profile", null);
        add("routes", "an unknown route", get("/api/no-such-thing", null), 404, "route", "not found");
        add("routes", "a route in upper case", get("/API/USER", jake), 404, "route", null);
        add("routes", "a path below a comment", Formed.of("DELETE", commentPath(slug, scene.celebsCommentId()
                + "/extra")).token(celeb), 404, "route", null);
        add("routes", "a username under /api/users", get("/api/users/jake", null), 404, "route", null);
        add("routes", "PATCH on the current user", Formed.of("PATCH", "/api/user").token(jake)
                .json("{\"user\":{\"bio\":\"patched\"}}"), 405, "method", null);
        add("routes", "DELETE on the tags", Formed.of("DELETE", "/api/tags"), 405, "method", null);
        add("routes", "PUT on login", Formed.of("PUT", "/api/users/login").json("{}"), 405, "method", null);
        add("routes", "POST on an article", Formed.of("POST", "/api/articles/" + slug).token(jake)
                .json("{\"article\":{\"title\":\"Posted\"}}"), 405, "method", null);
        add("routes", "DELETE on the list of articles", Formed.of("DELETE", "/api/articles").token(jake), 405,
                "method", null);
        add("routes", "GET on a comment", get(commentPath(slug, Long.toString(scene.celebsCommentId())), celeb), 405,
                "method", null);
    }

    private void otherPeoplesThings() {
        category = "other people's things and conflicts";
        String slug = scene.jakesSlug();
        add("update article", "celeb renames jake's article", Formed.of("PUT", "/api/articles/" + slug)
                .token(scene.celeb().token()).json("{\"article\":{\"title\":\"Mine now\"}}"), 403, "forbidden", null);
        add("delete article", "celeb deletes jake's article", Formed.of("DELETE", "/api/articles/" + slug)
                .token(scene.celeb().token()), 403, "forbidden", null);
        add("delete comment", "jake deletes celeb's comment on jake's own article", Formed.of("DELETE",
                commentPath(slug, Long.toString(scene.celebsCommentId()))).token(scene.jake().token()), 403,
                "forbidden", null);
        add("delete comment", "celeb deletes jake's comment on celeb's own article", Formed.of("DELETE",
                commentPath(scene.celebsSlug(), Long.toString(scene.jakesCommentId()))).token(scene.celeb().token()),
                403, "forbidden", null);
        add("follow", "jake follows himself", Formed.of("POST", "/api/profiles/jake/follow")
                .token(scene.jake().token()), 422, "username", null);
        add("follow", "jake follows himself by a name in other letter case", Formed.of("POST",
                "/api/profiles/JAKE/follow").token(scene.jake().token()), 422, "username", null);
        var register = register();
        add(register, "jake's email in upper case", register.withFields(registration("jake2",
                scene.jake().email().toUpperCase(Locale.ROOT), "password-1")), 422, "email", TAKEN);
        add(register, "jake's username in upper case", register.withFields(registration("JAKE",
                "jake2@conduit.test", "password-1")), 422, "username", TAKEN);
        add(register, "jake's username with surrounding spaces", register.withFields(registration(" jake ",
                "jake3@conduit.test", "password-1")), 422, "username", TAKEN);
        var updateUser = updateUser();
        add(updateUser, "jake takes celeb's username", updateUser.withFields("{\"username\":\"Celeb\"}"), 422,
                "username", TAKEN);
        add(updateUser, "jake takes celeb's email", updateUser.withFields("{\"email\":\""
                + scene.celeb().email() + "\",\"bio\":\"and a bio\"}"), 422, "email", TAKEN);
    }

    // Tokens, against every route that reads one

    private void forgedTokens() {
        category = "bad and forged tokens";
        String a = "/api/articles/" + scene.jakesSlug();
        String b = "/api/articles/" + scene.celebsSlug();
        // Each would change data if the token were taken for jake's: jake has not favorited his own article,
        // has favorited celeb's, follows celeb but not the reader, and wrote the comment on celeb's article.
        var routes = List.of(
                new AuthRoute("GET", "/api/user", null, false),
                new AuthRoute("PUT", "/api/user", "{\"user\":{\"bio\":\"written with a forged token\"}}", false),
                new AuthRoute("GET", "/api/articles/feed", null, false),
                new AuthRoute("POST", "/api/articles", "{\"article\":" + article("Forged", "forged") + "}", false),
                new AuthRoute("PUT", a, "{\"article\":{\"title\":\"Forged title\"}}", false),
                new AuthRoute("DELETE", a, null, false),
                new AuthRoute("POST", a + "/favorite", null, false),
                new AuthRoute("DELETE", b + "/favorite", null, false),
                new AuthRoute("POST", b + "/comments", "{\"comment\":{\"body\":\"forged\"}}", false),
                new AuthRoute("DELETE", b + "/comments/" + scene.jakesCommentId(), null, false),
                new AuthRoute("POST", "/api/profiles/reader/follow", null, false),
                new AuthRoute("DELETE", "/api/profiles/celeb/follow", null, false),
                new AuthRoute("GET", "/api/articles", null, true),
                new AuthRoute("GET", a, null, true),
                new AuthRoute("GET", a + "/comments", null, true),
                new AuthRoute("GET", "/api/profiles/celeb", null, true));
        var credentials = ForgedTokens.all(scene.jake().token(), scene.celeb().token(), scene.jakeId(),
                scene.absentUserId());
        for (var route : routes) {
            for (var credential : credentials) {
                if (route.optional() && credential.anonymous()) {
                    continue;
                }
                var request = credential.header() == null
                        ? route.request() : route.request().header("Authorization", credential.header());
                cases.add(new HostileCase(category, route.method() + " " + route.path() + " with "
                        + credential.name(), request, 401, "token", credential.message()));
            }
        }
    }

    // The envelope: content types, encodings and HTTP framing

    private void contentTypes() {
        category = "content types and encodings";
        var register = register();
        add(register, "a form-encoded body", register.request().header("Content-Type",
                "application/x-www-form-urlencoded").body(ascii("user[email]=form@conduit.test&user[username]=form"
                + "&user[password]=password-1")), 422, "body", NOT_JSON);
        add(register, "a multipart body", register.request().header("Content-Type", "multipart/form-data; boundary=x")
                .body(ascii("--x\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n" + register.valid()
                        + "\r\n--x--\r\n")), 422, "body", NOT_JSON);
        add(register, "an XML body", register.request().header("Content-Type", "application/xml").body(ascii(
                "<user><email>xml@conduit.test</email></user>")), 422, "body", NOT_JSON);
        var create = createArticle();
        add(create, "a gzip-compressed body", create.request().header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").body(gzip(ascii(create.valid()))), 422, "body", null);
        add(create, "a UTF-16 body declared as such", create.request().header("Content-Type",
                "application/json; charset=utf-16").body(create.valid().getBytes(StandardCharsets.UTF_16)), 422,
                "body", null);
    }

    private void httpFraming() {
        category = "HTTP framing";
        String host = "Host: localhost\r\nConnection: close\r\n";
        String json = register().valid();
        byte[] body = ascii(json);
        add("register", "a body shorter than its Content-Length", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nContent-Length: " + (body.length + 100), body), 400, "body",
                UNREADABLE);
        add("register", "a body longer than its Content-Length", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nContent-Length: " + (body.length - 10), body), 422, "body",
                NOT_JSON);
        add("register", "a negative Content-Length", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Content-Length: -1", body), 400, "request", null);
        add("register", "a Content-Length that is not a number", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Content-Length: twelve", body), 400, "request", null);
        add("register", "two different Content-Lengths", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Content-Length: " + body.length + "\r\nContent-Length: 5", body), 400, "request", null);
        add("register", "a Content-Length beside chunked Transfer-Encoding", Raw.of("POST /api/users HTTP/1.1\r\n"
                + host + "Content-Length: 5\r\nTransfer-Encoding: chunked", chunk(body)), 400, "request", null);
        add("register", "a chunk size that is not hexadecimal", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked", ascii("zz\r\n" + json + "\r\n0\r\n\r\n")), 400, "body", UNREADABLE);
        add("register", "a chunked body cut off before its last chunk", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked", ascii(Integer.toHexString(body.length) + "\r\n" + json)), 400,
                "body", UNREADABLE);
        add("register", "a chunked body over the limit", Raw.of("POST /api/users HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked", chunk(register().paddedTo(LIMIT + 1))), 413, "body", TOO_LARGE);
        add("routes", "a request line of garbage", Raw.of("THIS IS NOT HTTP"), 400, "request", null);
        add("routes", "HTTP/1.1 without a Host header", Raw.of("GET /api/tags HTTP/1.1\r\nConnection: close"), 400,
                "request", null);
        add("routes", "a header line without a colon", Raw.of("GET /api/tags HTTP/1.1\r\n" + host
                + "Authorization Token abc"), 400, "request", null);
        add("routes", "a space before a header's colon", Raw.of("GET /api/user HTTP/1.1\r\n" + host
                + "Authorization : Token " + scene.jake().token()), 400, "request", null);
        add("routes", "a folded Authorization header", Raw.of("GET /api/user HTTP/1.1\r\n" + host
                + "Authorization: Token\r\n " + scene.jake().token()), 400, "request", null);
        add("routes", "a header of 64 KiB", Raw.of("GET /api/user HTTP/1.1\r\n" + host + "Authorization: Token "
                + "a".repeat(64 * 1024)), 431, "request", null);
        add("routes", "a URI of 64 KiB", Raw.of("GET /api/articles/" + "a".repeat(64 * 1024) + " HTTP/1.1\r\n"
                + host.strip()), 414, "request", null);
        add("routes", "invalid percent-encoding in a slug", Raw.of("GET /api/articles/%zz HTTP/1.1\r\n"
                + host.strip()), 400, "request", null);
        add("routes", "a lone percent sign in the query", Raw.of("GET /api/articles?limit=% HTTP/1.1\r\n"
                + host.strip()), 400, "query", null);
        add("routes", "a percent sign and no hex digits in the query", Raw.of("GET /api/articles/feed?offset=%zz "
                + "HTTP/1.1\r\n" + host + "Authorization: Token " + scene.jake().token()), 400, "query", null);
        add("routes", "an encoded NUL in a slug", get("/api/articles/abc%00def", null), 400, "request", null);
        add("routes", "an encoded slash in a username", get("/api/profiles/ja%2Fke", null), 404, "profile", null);
        add("routes", "invalid UTF-8 in a slug", get("/api/articles/%FF%FE", null), 400, "request", null);
        add("routes", "invalid UTF-8 in the limit", get("/api/articles?limit=%C3%28", null), 422, "limit", null);
        add("routes", "a path parameter after a slug", Formed.of("DELETE", "/api/articles/" + scene.jakesSlug()
                + ";x=1").token(scene.celeb().token()), 404, "article", null);
        add("routes", "a path parameter after a comment id", Formed.of("DELETE", commentPath(scene.jakesSlug(),
                scene.celebsCommentId() + ";x")).token(scene.jake().token()), 404, "comment", null);
        add("get user", "invalid UTF-8 bytes in the Authorization header", Raw.of(
                "GET /api/user HTTP/1.1\r\n" + host + "Authorization: Token \u00ff\u00fe\u00c3\u0028"), 401, "token",
                null);
    }

    // Endpoints and bodies

    private static final String KEY_HEADER = "Idempotency-Key";

    private void idempotencyKeys() {
        category = "malformed Idempotency-Key headers";
        String message = "must be 1 to 255 characters";
        String ascii = "must be printable ASCII characters only";
        for (var e : bodyEndpoints()) {
            if (e.label().equals("log in")) {
                continue; // a login writes nothing and ignores the header
            }
            add(e, "a key of 256 characters", e.with(e.valid()).header(KEY_HEADER, "k".repeat(256)), 400,
                    KEY_HEADER, message);
            add(e, "an empty key", keyed(e, ""), 400, KEY_HEADER, message);
            add(e, "a key with a character outside ASCII",
                    keyed(e, new String("caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
                    400, KEY_HEADER, ascii);
            add(e, "a key with a tab inside", keyed(e, "tab\tkey"), 400, KEY_HEADER, ascii);
        }
    }

    /** {@code e}'s valid request as raw bytes, with an Idempotency-Key of exactly {@code key} (ISO-8859-1). */
    private static Raw keyed(BodyEndpoint e, String key) {
        byte[] body = e.valid().getBytes(StandardCharsets.UTF_8);
        String head = e.method() + " " + e.path() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (e.token() == null ? "" : "Authorization: Token " + e.token() + "\r\n")
                + KEY_HEADER + ": " + key + "\r\nContent-Length: " + body.length + "\r\nConnection: close";
        return Raw.of(head, body);
    }

    private List<BodyEndpoint> bodyEndpoints() {
        return List.of(register(), login(), updateUser(), createArticle(), updateArticle(), addComment());
    }

    private BodyEndpoint register() {
        return new BodyEndpoint("register", "POST", "/api/users", null, "user",
                registration("newcomer", "newcomer@conduit.test", "newcomer-password"), "username");
    }

    private BodyEndpoint login() {
        return new BodyEndpoint("log in", "POST", "/api/users/login", null, "user",
                "{\"email\":\"" + scene.jake().email() + "\",\"password\":\"" + scene.jake().password() + "\"}",
                "email");
    }

    private BodyEndpoint updateUser() {
        return new BodyEndpoint("update user", "PUT", "/api/user", scene.jake().token(), "user",
                "{\"bio\":\"changed by a hostile request\"}", "bio");
    }

    private BodyEndpoint createArticle() {
        return new BodyEndpoint("create article", "POST", "/api/articles", scene.jake().token(), "article",
                article("A hostile article", "hostile"), "title");
    }

    private BodyEndpoint updateArticle() {
        return new BodyEndpoint("update article", "PUT", "/api/articles/" + scene.jakesSlug(), scene.jake().token(),
                "article", "{\"title\":\"A hostile title\"}", "title");
    }

    private BodyEndpoint addComment() {
        return new BodyEndpoint("add comment", "POST", "/api/articles/" + scene.jakesSlug() + "/comments",
                scene.jake().token(), "comment", "{\"body\":\"a hostile comment\"}", "body");
    }

    private static String registration(String username, String email, String password) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /** An article's fields; tags are JSON string contents, so escapes in them travel as written. */
    private static String article(String title, String... tags) {
        return "{\"title\":\"" + title + "\",\"description\":\"d\",\"body\":\"b\",\"tagList\":["
                + (tags.length == 0 ? "" : "\"" + String.join("\",\"", tags) + "\"") + "]}";
    }

    private static String[] numbered(String prefix, int count) {
        var names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + (i + 1);
        }
        return names;
    }

    private static byte[] paddedBio(int size) {
        String head = "{\"user\":{\"bio\":\"";
        String tail = "\"}}";
        return ascii(head + "b".repeat(size - head.length() - tail.length()) + tail);
    }

    private static String commentPath(String slug, String id) {
        return "/api/articles/" + slug + "/comments/" + id;
    }

    // Plumbing

    private void add(BodyEndpoint endpoint, String name, HostileRequest request, int status, String field,
                     String message) {
        add(endpoint.label(), name, request, status, field, message);
    }

    private void add(String endpoint, String name, HostileRequest request, int status, String field,
                     String message) {
        cases.add(new HostileCase(category, endpoint + ": " + name, request, status, field, message));
    }

    private static Formed get(String path, String token) {
        return Formed.of("GET", path).token(token);
    }

    private static String encode(String text) {
        var encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xFF;
            if ((unsigned >= 'a' && unsigned <= 'z') || (unsigned >= 'A' && unsigned <= 'Z')
                    || (unsigned >= '0' && unsigned <= '9') || unsigned == '-' || unsigned == '_') {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", unsigned));
            }
        }
        return encoded.toString();
    }

    /** The UTF-8 bytes of {@code text}, each as one ISO-8859-1 character, for a raw request head. */
    private static String latin1Of(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunk(byte[] body) {
        return concat(ascii(Integer.toHexString(body.length) + "\r\n"), body, ascii("\r\n0\r\n\r\n"));
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
