console.log('bearing');
