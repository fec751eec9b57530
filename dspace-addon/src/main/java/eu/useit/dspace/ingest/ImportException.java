/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.util.List;

/**
 * An import file that cannot be imported, with every problem found in it.
 */
public class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;

    /**
     * @param problems what is wrong (at least one)
     */
    public ImportException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the single problem
     */
    public ImportException(ImportProblem problem) {
        this(List.of(problem));
    }

    /**
     * @return every problem, in file order
     */
    public List<ImportProblem> problems() {
        return problems;
    }
}
