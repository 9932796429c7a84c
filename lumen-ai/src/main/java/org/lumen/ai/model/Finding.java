package org.lumen.ai.model;

/**
 * One finding a model can emit: the class it stands for and its code.
 *
 * @param className     the class of the model's output (as in {@code LabelledImages.classes()})
 * @param codeScheme    the coding scheme designator: "SCT" (SNOMED CT), "RADLEX", "DCM"
 * @param codeValue     the code
 * @param codeMeaning   the human-readable meaning
 */
public record Finding(String className, String codeScheme, String codeValue, String codeMeaning) {
}
