#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>


// Node types the table and strikethrough extensions register (set by
// cmark_gfm_core_extensions_ensure_registered): libcmark-gfm-extensions exports them but its
// installed header does not declare them. Read through functions, which Swift's concurrency
// checking accepts where it refuses a C global variable.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type debrief_node_type_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type debrief_node_type_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type debrief_node_type_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type debrief_node_type_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }
