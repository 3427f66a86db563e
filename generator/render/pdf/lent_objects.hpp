// Objects of a libharu document whose bodies we write ourselves when libharu saves it, from
// what we keep of them, instead of building each one entry by entry with libharu's
// dictionaries (an entry takes some 140 bytes, a name as much, all held until the document is
// saved). A group of them is one libharu dictionary listed under consecutive object numbers;
// save_document (document_save.hpp), not libharu, writes them, each whole from its body.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <functional>
#include <string>
#include <vector>

namespace boardpack::render::pdf {

class LentObjects {
public:
    // Appends object n's body: what goes between its << and >>.
    using Body = std::function<void(size_t n, std::string& out)>;
    // Writes what follows object n's >> (a stream's data, from "stream" to "endstream"), if any.
    using Tail = std::function<HPDF_STATUS(size_t n, HPDF_Stream stream)>;

    LentObjects() = default;
    LentObjects(const LentObjects&) = delete;
    LentObjects& operator=(const LentObjects&) = delete;
    // Takes the numbers lent past the first back out of libharu's table (which would free the
    // one dictionary once for each): destroy it before the document, and only after saving it.
    ~LentObjects();

    // Numbers `count` objects, the next numbers of the document, whose bodies `body` writes
    // when the document is saved (it must be able to until then). HPDF_OK, or the status of
    // libharu's failure, which it has recorded. Once per group.
    HPDF_STATUS lend(HPDF_Doc pdf, size_t count, Body body, Tail tail = {});

    size_t size() const { return count_; }
    // Object n's number, and "12 0 R" for it.
    size_t number(size_t n) const { return first_number_ + n; }
    void reference(std::string& out, size_t n) const;
    // The dictionary libharu holds for object 0, for an entry of another object that refers to
    // it (libharu writes such an entry as a reference to object 0); null before lend().
    HPDF_Dict first() const { return dict_; }

    // The group whose objects an entry of libharu's table stands for, or null for an object of
    // libharu's own.
    static const LentObjects* of(const void* object);
    // Appends the body of the object numbered `number`, which save_document frames as libharu
    // frames a dictionary ("<<\n", the body, ">>"). Then, if has_tail(), write_tail() writes
    // what follows.
    void append_body(size_t number, std::string& out) const { body_(number - first_number_, out); }
    bool has_tail() const { return static_cast<bool>(tail_); }
    HPDF_STATUS write_tail(size_t number, HPDF_Stream stream) const;

private:
    // What libharu would call to write the dictionary: a refusal, as only save_document knows
    // which of the group's objects is meant. It marks the group's dictionary.
    static HPDF_STATUS refuse(HPDF_Dict dict, HPDF_Stream stream);

    HPDF_Dict dict_ = nullptr;
    HPDF_Xref xref_ = nullptr;
    std::vector<HPDF_XrefEntry_Rec> entries_;  // the objects' past the first, in libharu's table
    size_t lent_ = 0;                          // how many of them are in the table
    size_t count_ = 0;
    size_t first_number_ = 0;
    Body body_;
    Tail tail_;
};

// "12 0 R" for an indirect object libharu made.
void append_reference(std::string& out, const void* object);

}  // namespace boardpack::render::pdf
