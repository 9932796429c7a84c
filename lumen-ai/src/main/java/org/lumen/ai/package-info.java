/** Datasets, training, evaluation, model packages, inference and explanations. */
package org.lumen.ai;
