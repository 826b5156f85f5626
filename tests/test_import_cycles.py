"""No module of liveplanner imports one that imports it back, directly or through others: each
module can be read, tested and moved with what lies below it. import-linter's contracts say
which layer may import which; this says what they cannot, that there are no cycles at all
(grimp is import-linter's own graph of the imports, TYPE_CHECKING ones included)."""

import grimp


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph("liveplanner")
    cycles = sorted(
        f"{module} -> {imported}"
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=imported, imported=module)
    )
    assert cycles == []
