// An ajv-cli plugin (`-c`): the formats schemars writes for numbers (`double`, `uint32`, …) are
// annotations, not checks. ajv in strict mode refuses a schema with a format it does not know, so
// declare them as formats that accept everything, as jsonschema (Rust) and check-jsonschema do.
module.exports = (ajv) => {
  for (const name of ["double", "float", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"]) {
    ajv.addFormat(name, true);
  }
  return ajv;
};
