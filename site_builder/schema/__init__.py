"""The data contract written out from the models: JSON Schemas and the data reference."""
