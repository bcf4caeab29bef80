const t0 = performance.now();
for (const m of process.argv.slice(2)) { await import(m); console.log(m, Math.round(performance.now() - t0)); }
