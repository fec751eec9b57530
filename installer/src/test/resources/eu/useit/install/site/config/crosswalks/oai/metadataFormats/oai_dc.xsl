<?xml version="1.0" encoding="UTF-8"?>
<!-- A test site's oai_dc crosswalk (written for the install's tests). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>
