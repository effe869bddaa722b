#pragma once
/// @file export.h
/// NEWSDEX_API marks the public API. The libraries are built with hidden symbol visibility
/// (`-fvisibility=hidden`), so only what carries this mark is exported from a shared build;
/// internal code (analysis chain, recognisers, schema) stays private to the library.

#if defined(_WIN32)
#define NEWSDEX_API
#else
#define NEWSDEX_API __attribute__((visibility("default")))
#endif
