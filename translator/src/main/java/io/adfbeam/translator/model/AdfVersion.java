package io.adfbeam.translator.model;

/** The generation of Data Factory a definition was written for. */
public enum AdfVersion {
  /** Data Factory v1: tables with availability and slices, pipelines with start and end. */
  V1,
  /** Data Factory v2: datasets with locations, parameters and expressions, triggers. */
  V2
}
