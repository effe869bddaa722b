#pragma once
/// @file export.h
/// NEWSDEX_API marks the public API. The libraries are built with hidden symbol visibility
/// (`-fvisibility=hidden`), so only what carries this mark is exported from a shared build;
/// internal code (analysis chain, recognisers, schema) stays private to the library.
/// NEWSDEX_LOCAL keeps a nested implementation class of an exported class (its `Impl`)
/// private, which would otherwise take the visibility of the class around it.

#if defined(_WIN32)
#define NEWSDEX_API
#define NEWSDEX_LOCAL
#else
#define NEWSDEX_API __attribute__((visibility("default")))
#define NEWSDEX_LOCAL __attribute__((visibility("hidden")))
#endif
