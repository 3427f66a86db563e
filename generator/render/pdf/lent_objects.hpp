// Objects of a libharu document whose bodies we write ourselves when libharu saves it, from
// what we keep of them, instead of building each one entry by entry with libharu's
// dictionaries (an entry takes some 140 bytes, a name as much, all held until the document is
// saved). A group of them is one libharu dictionary listed under consecutive object numbers:
// libharu writes the objects in order of number, so the n-th time it writes the dictionary it
// writes object n of the group.
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

private:
    static HPDF_STATUS write(HPDF_Dict dict, HPDF_Stream stream);
    static HPDF_STATUS write_tail(HPDF_Dict dict);

    HPDF_Dict dict_ = nullptr;
    HPDF_Xref xref_ = nullptr;
    std::vector<HPDF_XrefEntry_Rec> entries_;  // the objects' past the first, in libharu's table
    size_t lent_ = 0;                          // how many of them are in the table
    size_t count_ = 0;
    size_t first_number_ = 0;
    size_t next_ = 0;  // the object libharu writes next
    Body body_;
    Tail tail_;
    size_t writing_ = 0;                 // the object whose body was written last, and where:
    HPDF_Stream writing_to_ = nullptr;  // libharu gives the tail only the dictionary
    std::string scratch_;  // the body being written
};

// "12 0 R" for an indirect object libharu made.
void append_reference(std::string& out, const void* object);

}  // namespace boardpack::render::pdf
