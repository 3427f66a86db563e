#include "render/pdf/pdf_metadata.hpp"
#include "core/messages.hpp"

#include <hpdf_objects.h>
#include <hpdf_version.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/deflate.hpp"
#include "render/pdf/pdf_objects.hpp"

namespace boardpack::render::pdf {

namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // Control characters are not allowed in XML 1.0.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') out += ' ';
                else out += c;
        }
    }
    return out;
}

// The creation date as libharu writes it into /CreationDate (midnight UTC), in XMP's form.
std::string xmp_date(const DocumentInfo& info) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", info.year, info.month, info.day);
    return buf;
}

HPDF_STATUS add_text(HPDF_Doc pdf, HPDF_Dict dict, const char* key, const std::string& value) {
    HPDF_String s = HPDF_String_New(pdf->mmgr, value.c_str(), nullptr);
    return s ? HPDF_Dict_Add(dict, key, s) : fail(pdf);
}

HPDF_STATUS metadata_stream(HPDF_Doc pdf, const std::string& xmp) {
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!stream) return fail(pdf);
    BP_TRY(HPDF_Dict_AddName(stream, "Type", "Metadata"));
    BP_TRY(HPDF_Dict_AddName(stream, "Subtype", "XML"));
    // Uncompressed, so that a tool that does not read PDF can still find it (PDF/A's advice).
    BP_TRY(set_stream_data(stream, copied_stream(pdf->mmgr, xmp), false));
    return HPDF_Dict_Add(pdf->catalog, "Metadata", stream);
}

HPDF_STATUS output_intent(HPDF_Doc pdf, const std::string& icc) {
    HPDF_Dict profile = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!profile) return fail(pdf);
    BP_TRY(HPDF_Dict_AddNumber(profile, "N", 3));
    BP_TRY(set_stream_data(profile, borrowed_stream(pdf->mmgr, icc), true));  // compressed once per run
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    if (!intent || !intents) return fail(pdf);
    BP_TRY(HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents));
    BP_TRY(HPDF_Array_Add(intents, intent));
    BP_TRY(HPDF_Dict_AddName(intent, "Type", "OutputIntent"));
    BP_TRY(HPDF_Dict_AddName(intent, "S", "GTS_PDFA1"));
    BP_TRY(add_text(pdf, intent, "OutputConditionIdentifier", "sRGB IEC61966-2.1"));
    BP_TRY(add_text(pdf, intent, "Info", "sRGB IEC61966-2.1"));
    return HPDF_Dict_Add(intent, "DestOutputProfile", profile);
}

}  // namespace

std::string pdf_producer() { return "Haru Free PDF Library " HPDF_VERSION_TEXT; }

std::string xmp_packet(const DocumentInfo& info, const std::string& language, bool claims) {
    std::string x;
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "<rdf:Description rdf:about=\"\"\n xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
         " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
         " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.author.empty()) x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(language) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!info.creator.empty()) x += "<xmp:CreatorTool>" + xml_escape(info.creator) + "</xmp:CreatorTool>\n";
    if (info.year > 0) x += "<xmp:CreateDate>" + xmp_date(info) + "</xmp:CreateDate>\n";
    x += "<pdf:Producer>" + xml_escape(pdf_producer()) + "</pdf:Producer>\n";
    if (claims) {
        x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n";
        x += "<pdfuaid:part>1</pdfuaid:part>\n";
        // PDF/A-2 accepts only the schemas it knows or ones described here: pdfuaid is newer.
        x += "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
             "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
             "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
             "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
             "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
             "<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
             "<pdfaProperty:category>internal</pdfaProperty:category>\n"
             "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
             "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
             "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n";
    }
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n";
    // Room for an editor to change the packet in place, as XMP writers leave it.
    for (int i = 0; i < 20; ++i) x += std::string(99, ' ') + "\n";
    x += "<?xpacket end=\"w\"?>";
    return x;
}

void DocumentId::add(std::string_view bytes) {
    // Eight bytes at a time (a page's content is tens of kilobytes); the tail a byte at a time.
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        a_ = (a_ ^ w) * 1099511628211ull;
        b_ = (b_ ^ (w >> 7 | w << 57)) * 0x9E3779B97F4A7C15ull;
        b_ ^= b_ >> 29;
    }
    for (; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        a_ = (a_ ^ c) * 1099511628211ull;
        b_ = (b_ ^ c) * 0x9E3779B97F4A7C15ull;
        b_ ^= b_ >> 29;
    }
    a_ ^= bytes.size();  // "ab" + "c" and "a" + "bc" differ
}

std::array<std::uint8_t, 16> DocumentId::digest() const {
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[static_cast<size_t>(i)] = static_cast<std::uint8_t>(a_ >> (56 - 8 * i));
        out[static_cast<size_t>(8 + i)] = static_cast<std::uint8_t>(b_ >> (56 - 8 * i));
    }
    return out;
}

std::optional<std::string> read_srgb_profile(std::string* why) {
    std::ifstream in(kSrgbProfilePath, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in || bytes.str().size() < 128) {
        const int e = errno;
        *why = fmt(_("cannot read the sRGB colour profile {}: {} (install the Debian package {})"), kSrgbProfilePath,
                   in ? _("it is too short to be an ICC profile") : std::strerror(e), kSrgbProfilePackage);
        return std::nullopt;
    }
    Deflater deflater;
    if (!deflater.compress(bytes.str())) {
        *why = fmt(_("cannot compress the sRGB colour profile {} (out of memory)"), kSrgbProfilePath);
        return std::nullopt;
    }
    return deflater.result();
}

HPDF_STATUS write_archive_metadata(HPDF_Doc pdf, const DocumentInfo& info, const std::string& language,
                                   const std::string& icc_profile, const DocumentId& id, bool claims) {
    pdf->pdf_version = HPDF_VER_17;
    BP_TRY(metadata_stream(pdf, xmp_packet(info, language, claims)));
    BP_TRY(output_intent(pdf, icc_profile));
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    if (!prefs) return fail(pdf);
    BP_TRY(HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs));
    BP_TRY(HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE));
    // One ID for the file as first written and as it is now: it is never updated in place.
    auto digest = id.digest();
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    if (!ids) return fail(pdf);
    BP_TRY(HPDF_Dict_Add(pdf->trailer, "ID", ids));
    for (int i = 0; i < 2; ++i) {
        HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, digest.data(), static_cast<HPDF_UINT>(digest.size()));
        if (!b) return fail(pdf);
        BP_TRY(HPDF_Array_Add(ids, b));
    }
    return HPDF_OK;
}

}  // namespace boardpack::render::pdf
