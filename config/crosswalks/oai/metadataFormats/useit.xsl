<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! repository addon for DSpace.
  Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.

  USE-IT! crosswalk: DSpace's XOAI item document to the native USE-IT! format (metadataPrefix "useit",
  namespace https://w3id.org/useit/ns/1.0/, schema eu/useit/oaicheck/useit.xsd in the checker's jar).
  Element order follows the schema; nothing is written empty.

  The item document nests a field as schema / element / [qualifier /] language / field, and a language element
  holds each value followed by its own authority and confidence, so a value's authority is the field right
  after it. Paths are written out to their depth (no "//") and elements are literal: this crosswalk runs for
  every record of every harvest, so it is kept as cheap as oai_dc's.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns:useit="https://w3id.org/useit/ns/1.0/"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="no"/>

    <xsl:variable name="md" select="/doc:metadata"/>
    <xsl:variable name="dc" select="$md/doc:element[@name='dc']"/>
    <xsl:variable name="u" select="$md/doc:element[@name='useit']"/>
    <xsl:variable name="oaire" select="$md/doc:element[@name='oaire']"/>

    <xsl:template match="/">
        <useit:record xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="https://w3id.org/useit/ns/1.0/ https://w3id.org/useit/ns/1.0/useit.xsd"
                      type="{$md/doc:element[@name='dspace']/doc:element[@name='entity']/doc:element[@name='type']
                             /doc:element/doc:field[@name='value']}">
            <xsl:for-each select="$u/doc:element[@name='key']/doc:element/doc:field[@name='value'][1]">
                <xsl:attribute name="key"><xsl:value-of select="."/></xsl:attribute>
            </xsl:for-each>
            <useit:title>
                <xsl:value-of select="$dc/doc:element[@name='title']/doc:element/doc:field[@name='value']"/>
            </useit:title>
            <xsl:for-each select="$dc/doc:element[@name='contributor']/doc:element[@name='author']
                                  /doc:element/doc:field[@name='value'][normalize-space()]
                                  | $dc/doc:element[@name='creator']/doc:element/doc:field[@name='value']
                                  [normalize-space()]">
                <useit:creator><xsl:value-of select="normalize-space()"/></useit:creator>
            </xsl:for-each>
            <xsl:for-each select="($dc/doc:element[@name='date']/doc:element[@name='issued']
                                   /doc:element/doc:field[@name='value'][normalize-space()])[1]">
                <useit:date><xsl:value-of select="normalize-space()"/></useit:date>
            </xsl:for-each>
            <xsl:for-each select="($dc/doc:element[@name='description']/doc:element[@name='abstract']
                                   /doc:element/doc:field[@name='value'][normalize-space()])[1]">
                <useit:abstract><xsl:value-of select="normalize-space()"/></useit:abstract>
            </xsl:for-each>
            <xsl:for-each select="$u/doc:element[@name='strand']/doc:element/doc:field[@name='value']
                                  [normalize-space()]">
                <useit:strand>
                    <xsl:for-each select="following-sibling::doc:field[1][@name='authority'][normalize-space()]">
                        <xsl:attribute name="id"><xsl:value-of select="normalize-space()"/></xsl:attribute>
                    </xsl:for-each>
                    <xsl:value-of select="normalize-space()"/>
                </useit:strand>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='objective']/doc:element/doc:field[@name='value']
                                   [normalize-space()])[1]">
                <useit:objective><xsl:value-of select="normalize-space()"/></useit:objective>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='challenge']/doc:element/doc:field[@name='value']
                                   [normalize-space()])[1]">
                <useit:challenge><xsl:value-of select="normalize-space()"/></useit:challenge>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='approach']/doc:element/doc:field[@name='value']
                                   [normalize-space()])[1]">
                <useit:approach><xsl:value-of select="normalize-space()"/></useit:approach>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='outcome']/doc:element/doc:field[@name='value']
                                   [normalize-space()])[1]">
                <useit:outcome><xsl:value-of select="normalize-space()"/></useit:outcome>
            </xsl:for-each>
            <xsl:for-each select="$u/doc:element[@name='place']/doc:element/doc:field[@name='value']
                                  [normalize-space()]">
                <useit:place><xsl:value-of select="normalize-space()"/></useit:place>
            </xsl:for-each>
            <xsl:for-each select="$u/doc:element[@name='partner']/doc:element/doc:field[@name='value']
                                  [normalize-space()]">
                <useit:partner><xsl:value-of select="normalize-space()"/></useit:partner>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='practitioner']/doc:element[not(@name='role')]
                                   /doc:field[@name='value'][normalize-space()])[1]">
                <useit:practitioner><xsl:value-of select="normalize-space()"/></useit:practitioner>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='practitioner']/doc:element[@name='role']
                                   /doc:element/doc:field[@name='value'][normalize-space()])[1]">
                <useit:practitionerRole><xsl:value-of select="normalize-space()"/></useit:practitionerRole>
            </xsl:for-each>
            <xsl:for-each select="($u/doc:element[@name='outputType']/doc:element/doc:field[@name='value']
                                   [normalize-space()])[1]">
                <useit:outputType><xsl:value-of select="normalize-space()"/></useit:outputType>
            </xsl:for-each>
            <xsl:for-each select="($oaire/doc:element[@name='funderName']/doc:element/doc:field[@name='value']
                                   [normalize-space()])[1]">
                <useit:funding>
                    <useit:funder><xsl:value-of select="normalize-space()"/></useit:funder>
                    <xsl:for-each select="($oaire/doc:element[@name='funderIdentifier']/doc:element
                                           /doc:field[@name='value'][normalize-space()])[1]">
                        <useit:funderIdentifier><xsl:value-of select="normalize-space()"/></useit:funderIdentifier>
                    </xsl:for-each>
                    <xsl:for-each select="($oaire/doc:element[@name='fundingStream']/doc:element
                                           /doc:field[@name='value'][normalize-space()])[1]">
                        <useit:fundingStream><xsl:value-of select="normalize-space()"/></useit:fundingStream>
                    </xsl:for-each>
                    <xsl:for-each select="($oaire/doc:element[@name='awardNumber']/doc:element
                                           /doc:field[@name='value'][normalize-space()])[1]">
                        <useit:awardNumber><xsl:value-of select="normalize-space()"/></useit:awardNumber>
                    </xsl:for-each>
                    <xsl:for-each select="($oaire/doc:element[@name='awardTitle']/doc:element
                                           /doc:field[@name='value'][normalize-space()])[1]">
                        <useit:awardTitle><xsl:value-of select="normalize-space()"/></useit:awardTitle>
                    </xsl:for-each>
                </useit:funding>
            </xsl:for-each>
            <useit:provenance>
                <xsl:value-of select="$u/doc:element[@name='provenance']/doc:element/doc:field[@name='value']"/>
            </useit:provenance>
            <xsl:for-each select="$u/doc:element[@name='source']/doc:element/doc:field[@name='value']
                                  [normalize-space()]">
                <useit:source><xsl:value-of select="normalize-space()"/></useit:source>
            </xsl:for-each>
            <xsl:for-each select="$u/doc:element[@name='unverified']/doc:element/doc:field[@name='value']
                                  [normalize-space()]">
                <useit:unverified><xsl:value-of select="normalize-space()"/></useit:unverified>
            </xsl:for-each>
            <xsl:for-each select="$dc/doc:element[@name='identifier']/doc:element[@name='uri']
                                  /doc:element/doc:field[@name='value'][normalize-space()]">
                <useit:identifier><xsl:value-of select="normalize-space()"/></useit:identifier>
            </xsl:for-each>
        </useit:record>
    </xsl:template>
</xsl:stylesheet>
