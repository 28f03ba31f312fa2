/**
 * The {@code adf-beam} command line ({@link io.adfbeam.runners.cli.AdfBeamCommand}): {@code
 * validate} and {@code plan}, with exit codes 0 (ok), 1 (internal failure) and 2 (invalid input),
 * and every printed line masked by {@link io.adfbeam.runners.cli.SecretMasker}.
 */
package io.adfbeam.runners.cli;
