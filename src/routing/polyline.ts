/**
 * Google's encoded polyline algorithm, as OSRM uses for `geometries=polyline` (precision 5) and
 * `geometries=polyline6` (precision 6). Encoded pairs are (lat, lon); both functions speak [lon, lat]
 * like GeoJSON so callers never swap axes.
 */
export function decodePolyline(encoded: string, precision = 5): [number, number][] {
  const factor = 10 ** precision;
  const coordinates: [number, number][] = [];
  let index = 0;
  let lat = 0;
  let lon = 0;
  const readValue = (): number => {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      if (index >= encoded.length) throw new Error(`Truncated polyline at character ${index}`);
      byte = encoded.charCodeAt(index++) - 63;
      if (byte < 0 || byte > 63) throw new Error(`Invalid polyline character at ${index - 1}`);
      result |= (byte & 0x1f) << shift;
      shift += 5;
    } while (byte >= 0x20);
    return result & 1 ? ~(result >> 1) : result >> 1;
  };
  while (index < encoded.length) {
    lat += readValue();
    lon += readValue();
    coordinates.push([lon / factor, lat / factor]);
  }
  return coordinates;
}

export function encodePolyline(coordinates: readonly (readonly [number, number])[], precision = 5): string {
  const factor = 10 ** precision;
  let output = '';
  let previousLat = 0;
  let previousLon = 0;
  const writeValue = (value: number): void => {
    let v = value < 0 ? ~(value << 1) : value << 1;
    while (v >= 0x20) {
      output += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
      v >>= 5;
    }
    output += String.fromCharCode(v + 63);
  };
  for (const [lon, lat] of coordinates) {
    const latE = Math.round(lat * factor);
    const lonE = Math.round(lon * factor);
    writeValue(latE - previousLat);
    writeValue(lonE - previousLon);
    previousLat = latE;
    previousLon = lonE;
  }
  return output;
}
