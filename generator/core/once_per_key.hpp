// A value made once per key by whichever thread asks first, the others that ask meanwhile
// waiting for it, and every later one given the same value: what the two editions rendered
// together share of a public item (render/html/blocks_memo, render/pdf/table_parts_memo).
// Values are kept until the map goes, at the address they were made at.
#pragma once

#include <map>
#include <memory>
#include <mutex>

namespace boardpack {

template <class Key, class Value>
class OncePerKey {
public:
    // The value for `key`, made by make() (which returns it) if no thread made it before;
    // *made_here says whether this call made it. Thread-safe.
    template <class Make>
    const Value& get(const Key& key, Make&& make, bool* made_here) {
        Entry* entry = nullptr;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            std::unique_ptr<Entry>& kept = entries_[key];
            if (!kept) kept = std::make_unique<Entry>();
            entry = kept.get();  // the map's entries stay where they are
        }
        *made_here = false;
        // Another thread asking meanwhile waits here until the value is made.
        std::call_once(entry->once, [&] {
            entry->value = make();
            *made_here = true;
        });
        return entry->value;
    }

private:
    struct Entry {
        std::once_flag once;
        Value value;
    };
    std::mutex mutex_;
    std::map<Key, std::unique_ptr<Entry>> entries_;
};

}  // namespace boardpack
