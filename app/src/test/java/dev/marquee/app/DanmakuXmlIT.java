package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Bilibili XML: export, import (owner or admin only), a round trip, a real-style sample, hostile files. */
class DanmakuXmlIT {
    @TempDir
    static Path data;
    static RunningMarquee site;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
        site.signUp("xmladmin"); // the first account is the admin
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static final String SAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?><i><chatserver>chat.bilibili.com</chatserver><chatid>123456789</chatid>\
            <mission>0</mission><maxlimit>3000</maxlimit><state>0</state><real_name>0</real_name><source>k-v</source>
            <d p="0.00000,1,25,16777215,1700000000,0,a1b2c3d4,41234567890123456,10">前方高能</d>
            <d p="12.50000,5,25,16711680,1700000100,0,e5f6a7b8,41234567890123457,10">顶部 &amp; 红色</d>
            <d p="30.25000,4,18,65280,1700000200,0,a1b2c3d4,41234567890123458,10">&lt;b&gt;bottom&lt;/b&gt; &#x4E2D;</d>
            <d p="40.00000,7,25,16777215,1700000300,0,c9d0e1f2,41234567890123459,10">[0,0,"1-1",4.5,"advanced",0,0,0,0,500,0,true]</d>
            <d p="45.1,1,36,255,1700000400,1,c9d0e1f2,41234567890123460,10"><![CDATA[large & blue]]></d>
            <d p="9999,1,25,255,1700000500,0,c9d0e1f2,41234567890123461,10">after the end</d>
            </i>
            """;

    static RunningMarquee.Response importXml(String id, String xml, String token) {
        return site.call("POST", "/api/v1/videos/" + id + "/danmaku.xml", xml, token);
    }

    static JsonNode slice(String id) {
        return site.call("GET", "/api/v1/videos/" + id + "/danmaku?from=0&to=360", null, null).json().get("items");
    }

    @Test
    void aBilibiliFileImportsWithModesSizesColorsAndTextKeptLiterally() {
        String owner = site.signUp("xmlsample");
        String v = DanmakuVideos.ready(site, owner, "public", 300);
        var r = importXml(v, SAMPLE, owner);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(4);
        assertThat(r.json().get("skipped").asInt()).isEqualTo(2); // the positioned (mode 7) one and the one past the end
        JsonNode items = slice(v);
        assertThat(items.findValuesAsString("text")).containsExactly("前方高能", "顶部 & 红色", "<b>bottom</b> 中", "large & blue");
        assertThat(items.findValuesAsString("mode")).containsExactly("scroll", "top", "bottom", "scroll");
        assertThat(items.findValuesAsString("size")).containsExactly("normal", "normal", "small", "large");
        assertThat(items.findValuesAsString("color")).containsExactly("#ffffff", "#ff0000", "#00ff00", "#0000ff");
        List<String> senders = items.findValuesAsString("sender");
        assertThat(senders.get(0)).isEqualTo(senders.get(2)).isNotEqualTo(senders.get(1)).matches("[0-9a-f]{8}");
        assertThat(String.join(",", senders)).doesNotContain("a1b2c3d4");
        assertThat(importXml(v, SAMPLE, owner).status()).isEqualTo(429); // the same file again at once is a repeat
    }

    @Test
    void exportThenImportElsewhereGivesTheSameDanmaku() {
        String owner = site.signUp("xmlround");
        String from = DanmakuVideos.ready(site, owner, "public", 300);
        String to = DanmakuVideos.ready(site, owner, "public", 300);
        String viewer = site.signUp("xmlroundviewer");
        site.call("POST", "/api/v1/videos/" + from + "/danmaku", Map.of("time", 1.5, "text", "a < b & \"c\" ]]> 'd'"), viewer);
        site.call("POST", "/api/v1/videos/" + from + "/danmaku",
                Map.of("time", 61.125, "text", "弹幕 🎉", "mode", "bottom", "color", "#12abEF", "size", "large"), viewer);
        site.call("POST", "/api/v1/videos/" + from + "/danmaku", Map.of("time", 200, "text", "top", "mode", "top", "size", "small"), owner);
        var export = site.call("GET", "/api/v1/videos/" + from + "/danmaku.xml", null, null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).contains("xml");
        assertThat(export.body()).startsWith("<?xml").contains("<chatid>" + from + "</chatid>")
                .contains("<d p=\"61.12500,4,36," + 0x12abef + ",").contains("a &lt; b &amp;");
        var r = importXml(to, export.body(), owner);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(3);
        JsonNode original = slice(from);
        JsonNode copy = slice(to);
        for (String field : List.of("time", "text", "mode", "color", "size"))
            assertThat(copy.findValuesAsString(field).toString()).as(field).isEqualTo(original.findValuesAsString(field).toString());
        assertThat(copy.findValues("time").stream().map(JsonNode::asDouble).toList()).containsExactly(1.5, 61.125, 200.0);
    }

    @Test
    void onlyTheOwnerOrAnAdminImports() {
        String owner = site.signUp("xmlowner");
        String v = DanmakuVideos.ready(site, owner, "public", 300);
        assertThat(importXml(v, SAMPLE, null).status()).isEqualTo(401);
        assertThat(importXml(v, SAMPLE, site.signUp("xmlstranger")).status()).isEqualTo(403);
        String admin = site.call("POST", "/api/v1/auth/token", Map.of("username", "xmladmin", "password", "correct horse"), null)
                .json().get("accessToken").asString();
        assertThat(importXml(v, SAMPLE, admin).status()).isEqualTo(200);
    }

    @Test
    void hostileOrBrokenFilesAre400AndReadNothing() {
        String owner = site.signUp("xmlhostile");
        String v = DanmakuVideos.ready(site, owner, "public", 300);
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE i [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <i><d p="1,1,25,0,0,0,a,1">&x;</d></i>""";
        String laughs = """
                <?xml version="1.0"?><!DOCTYPE i [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
                <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
                <i><d p="1,1,25,0,0,0,a,1">&h;</d></i>""";
        String parameterEntity = """
                <?xml version="1.0"?><!DOCTYPE i [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]><i/>""";
        for (String bad : List.of(xxe, laughs, parameterEntity, "<i><d p=\"1,1,25,0\">unclosed</i>", "<html><d p=\"1,1,25,0\">x</d></html>",
                "", "not xml at all")) {
            long start = System.nanoTime();
            var r = importXml(v, bad, owner);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("problem+json");
            assertThat(r.body()).doesNotContain("root:").doesNotContain("lollol");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        }
        assertThat(slice(v).size()).isZero();
        var huge = importXml(v, "<i>" + "<d p=\"1,1,25,0\">x</d>".repeat(450_000) + "</i>", owner);
        assertThat(huge.status()).isEqualTo(413);
    }
}
