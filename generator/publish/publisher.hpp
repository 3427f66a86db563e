// Writes one meeting's packet all or nothing. Files go into a staging folder beside the output;
// only when every file is written and synced does the staging folder replace output/<meeting>
// in one atomic exchange. A failed, killed or out-of-disk build leaves the previous packet as it
// was. A lock file keeps two builds of the same meeting from interleaving.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace boardpack::publish {

class Publisher {
public:
    // Takes the lock for output_root/meeting_id and prepares an empty staging folder. On failure
    // returns nullptr and sets *error.
    static std::unique_ptr<Publisher> begin(const std::filesystem::path& output_root, const std::string& meeting_id,
                                            std::string* error);
    ~Publisher();  // removes the staging folder unless committed; releases the lock

    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // Writes a file (path relative to the meeting's output folder) into the staging folder.
    bool write(const std::string& relative, const std::string& content, std::string* error);

    // Replaces the published folder with the staging folder.
    bool commit(std::string* error);

    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& target() const { return target_; }
    int files_written() const { return files_; }

private:
    Publisher() = default;
    std::filesystem::path root_;
    std::filesystem::path target_;
    std::filesystem::path staging_;
    std::filesystem::path previous_;  // where the old packet waits while being replaced
    int lock_fd_ = -1;
    int files_ = 0;
    bool owns_staging_ = false;  // only a publisher holding the lock may remove the staging folder
    bool committed_ = false;
};

}  // namespace boardpack::publish
