// A small thread-safe LRU of shared, immutable values of any type under text keys: what
// ViewCache and ForecastCache keep. Linear search: they hold tens of entries, and the work a
// hit saves (loading and preparing snapshots) is milliseconds.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace kompetent::api {

class LruCache {
 public:
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {}

  // The value under `key`, which must have been put as a T; null on a miss.
  template <class T>
  [[nodiscard]] std::shared_ptr<const T> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first != key) continue;
      entries_.splice(entries_.begin(), entries_, it);
      return std::static_pointer_cast<const T>(entries_.front().second);
    }
    return nullptr;
  }

  // Stores `value` as the most recently used, replacing any under the same key and dropping
  // the least recently used beyond the capacity.
  void put(const std::string& key, std::shared_ptr<const void> value) {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first == key) {
        entries_.erase(it);
        break;
      }
    }
    entries_.emplace_front(key, std::move(value));
    while (entries_.size() > capacity_) entries_.pop_back();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const void>>> entries_;  // most recently used first
};

}  // namespace kompetent::api
